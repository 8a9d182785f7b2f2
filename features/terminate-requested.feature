@retrieve
Feature: Terminate offload requested by the offload target
  A target asks the host to take back one connection through the offload event handler
  (TcpIndicateRetrieve, with a reason), never a neighbor or a path, as often as it likes; or all
  of its connections by indicating NDIS_STATUS_UPLOAD_ALL, after which it may indicate
  NDIS_STATUS_OFFLOAD_RESUME. A teaming driver uses this to fail connections over to another NIC.

  @optional @TRM-1 @TRM-2 @TRM-3
  Scenario: The target asks for one connection back
    Given 2 connections offloaded to the target
    When the target requests the termination of connection TCP1
    Then the host terminates connection TCP1 only
    And the terminate completes with NDIS_STATUS_SUCCESS in every block list

  @optional @TRM-4 @TRM-1
  Scenario: Repeated requests for the same connection end in one termination
    Given a connection offloaded to the target
    When the target requests the termination of connection TCP1 3 times
    Then the host terminates connection TCP1 only
    And the host terminated it once

  @required @TRM-5
  Scenario Outline: The host may terminate whatever the connection's state: <state>
    Given a connection offloaded to the target
    And the connection is in the state "<state>"
    When the host terminates the offload
    Then the terminate completes with NDIS_STATUS_SUCCESS in every block list
    And the delegated state matches the wire

    Examples:
      | state                   |
      | established, idle       |
      | sends outstanding       |
      | receives posted         |
      | FIN sent                |
      | FIN received            |
      | disconnect pending      |

  @optional @TRM-6 @TRM-7
  Scenario: UPLOAD_ALL: the host takes every connection back, and offloads again after OFFLOAD_RESUME
    Given 3 connections offloaded to the target
    When the target indicates NDIS_STATUS_UPLOAD_ALL
    Then the host terminates every connection offloaded to the target
    And the target indicates NDIS_STATUS_OFFLOAD_RESUME
    And the host offloaded nothing between UPLOAD_ALL and OFFLOAD_RESUME
    When a connection is offloaded to the target
    Then the offload completes with NDIS_STATUS_SUCCESS

  @optional @TRM-8 @TRM-6 @TOC-5
  Scenario: Failover to a second NIC in the middle of a transfer loses and repeats nothing
    Given two NICs in a team, the first one active
    And a connection offloaded to the target
    And the peer acknowledges at most 5000 bytes
    When the host posts 5 sends of 2000 bytes each
    And 50 milliseconds pass
    And the target indicates NDIS_STATUS_UPLOAD_ALL
    And the host offloads the uploaded connection to the second NIC
    And the peer acknowledges everything
    Then the peer has received 10000 bytes exactly once, in order
