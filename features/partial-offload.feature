@partial
Feature: Partial offloads and offload failures
  The host makes one connection for every TCP object of the tree, to its path's destination,
  then offloads the whole tree in one call. The target walks it parent first. A failure for lack of resources is marked
  NDIS_STATUS_RESOURCES and the walk goes on; any other failure is marked NDIS_STATUS_FAILURE and
  stops the walk, and every object not attempted is marked NDIS_STATUS_FAILURE too. An object
  that was offloaded but has a dependent that was not is marked
  NDIS_STATUS_OFFLOAD_PARTIAL_SUCCESS. A failed initiate leaves the send data it carried alone.

  @optional @PAR-1 @PAR-4 @PAR-5 @PAR-6 @PAR-7
  Scenario: The tree of the specification's figure
    Given the target may hold 1 offloaded connection
    And the offload tree
      | object    | parent    | state                              |
      | Neighbor1 |           |                                    |
      | Path1     | Neighbor1 | to 198.51.100.20                   |
      | TCP1      | Path1     |                                    |
      | TCP2      | Path1     |                                    |
      | Path2     | Neighbor1 | from 203.0.113.99, not the target's |
      | TCP3      | Path2     |                                    |
    When the host initiates the offload
    Then the block lists have these statuses
      | object    | status                              |
      | Neighbor1 | NDIS_STATUS_OFFLOAD_PARTIAL_SUCCESS |
      | Path1     | NDIS_STATUS_OFFLOAD_PARTIAL_SUCCESS |
      | TCP1      | NDIS_STATUS_SUCCESS                 |
      | TCP2      | NDIS_STATUS_RESOURCES               |
      | Path2     | NDIS_STATUS_FAILURE                 |
      | TCP3      | NDIS_STATUS_FAILURE                 |

  @optional @PAR-4 @PAR-7
  Scenario: A whole tree offloaded is SUCCESS everywhere
    Given the offload tree
      | object    | parent    | state            |
      | Neighbor1 |           |                  |
      | Path1     | Neighbor1 | to 198.51.100.20 |
      | TCP1      | Path1     |                  |
      | TCP2      | Path1     |                  |
      | Path2     | Neighbor1 | to 198.51.100.30 |
      | TCP3      | Path2     |                  |
    When the host initiates the offload
    Then the block lists have these statuses
      | object    | status              |
      | Neighbor1 | NDIS_STATUS_SUCCESS |
      | Path1     | NDIS_STATUS_SUCCESS |
      | TCP1      | NDIS_STATUS_SUCCESS |
      | TCP2      | NDIS_STATUS_SUCCESS |
      | Path2     | NDIS_STATUS_SUCCESS |
      | TCP3      | NDIS_STATUS_SUCCESS |

  @optional @PAR-6 @PAR-7
  Scenario: Resource failures do not stop the walk, and a parent's status looks at its own dependents only
    # Both paths were offloaded, each with a dependent that was not: the paths are
    # PARTIAL_SUCCESS, and the neighbor, whose dependents (the paths) were all offloaded, is SUCCESS.
    Given the target may hold 1 offloaded connection
    And the offload tree
      | object    | parent    | state            |
      | Neighbor1 |           |                  |
      | Path1     | Neighbor1 | to 198.51.100.20 |
      | TCP1      | Path1     |                  |
      | TCP2      | Path1     |                  |
      | Path2     | Neighbor1 | to 198.51.100.30 |
      | TCP3      | Path2     |                  |
    When the host initiates the offload
    Then the block lists have these statuses
      | object    | status                              |
      | Neighbor1 | NDIS_STATUS_SUCCESS                 |
      | Path1     | NDIS_STATUS_OFFLOAD_PARTIAL_SUCCESS |
      | TCP1      | NDIS_STATUS_SUCCESS                 |
      | TCP2      | NDIS_STATUS_RESOURCES               |
      | Path2     | NDIS_STATUS_OFFLOAD_PARTIAL_SUCCESS |
      | TCP3      | NDIS_STATUS_RESOURCES               |

  @optional @PAR-6 @PAR-7
  Scenario: After a connection that lacks resources the walk goes on to its sibling
    # TCP2 and TCP3 differ only in their ports: after RESOURCES for TCP2, TCP3 is attempted and
    # gets RESOURCES too. A walk that stopped at TCP2 would mark TCP3 FAILURE.
    Given the target may hold 1 offloaded connection
    And the offload tree
      | object    | parent    | state            |
      | Neighbor1 |           |                  |
      | Path1     | Neighbor1 | to 198.51.100.20 |
      | TCP1      | Path1     |                  |
      | TCP2      | Path1     |                  |
      | TCP3      | Path1     |                  |
    When the host initiates the offload
    Then the block lists have these statuses
      | object    | status                              |
      | Neighbor1 | NDIS_STATUS_SUCCESS                 |
      | Path1     | NDIS_STATUS_OFFLOAD_PARTIAL_SUCCESS |
      | TCP1      | NDIS_STATUS_SUCCESS                 |
      | TCP2      | NDIS_STATUS_RESOURCES               |
      | TCP3      | NDIS_STATUS_RESOURCES               |

  @optional @PAR-4 @PAR-5
  Scenario: A failure other than resources on the first path stops the walk
    Given the offload tree
      | object    | parent    | state                              |
      | Neighbor1 |           |                                    |
      | Path1     | Neighbor1 | from 203.0.113.99, not the target's |
      | TCP1      | Path1     |                                    |
      | Path2     | Neighbor1 | to 198.51.100.30                   |
      | TCP2      | Path2     |                                    |
    When the host initiates the offload
    Then the block lists have these statuses
      | object    | status                              |
      | Neighbor1 | NDIS_STATUS_OFFLOAD_PARTIAL_SUCCESS |
      | Path1     | NDIS_STATUS_FAILURE                 |
      | TCP1      | NDIS_STATUS_FAILURE                 |
      | Path2     | NDIS_STATUS_FAILURE                 |
      | TCP2      | NDIS_STATUS_FAILURE                 |

  @required @PAR-1 @PAR-2 @PAR-3
  Scenario: A failed initiate leaves the send data it carried untouched
    Given the offload tree
      | object    | parent    | state                              |
      | Neighbor1 |           |                                    |
      | Path1     | Neighbor1 | from 203.0.113.99, not the target's |
      | TCP1      | Path1     | with 2000 bytes of send data       |
    When the host initiates the offload
    Then the block list of TCP1 has status NDIS_STATUS_FAILURE
    And the send data it carried is neither completed nor changed
