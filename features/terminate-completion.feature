@terminate
Feature: Completing a terminate offload
  When the host terminates an offload, the target writes SUCCESS (or, for a catastrophic loss,
  FAILURE) in every block list, hands back the delegated state as it stands on the wire, hands
  back outstanding send data in the order it was delivered (or NULL when there is none), loses
  no received data, completes exactly once, and from then on holds nothing for the connection.

  Background:
    Given a connection offloaded to the target

  @required @TOC-1 @TOC-2 @TOC-4 @TOC-7 @TOC-3
  Scenario: Terminate an idle connection
    When the host terminates the offload
    Then the terminate completes with NDIS_STATUS_SUCCESS in every block list
    And the terminate hands back no send data
    And the delegated state matches the wire

  @required @TOC-5 @TOC-6 @TOC-3
  Scenario Outline: Terminate with outstanding send data that is <what>
    Given the peer advertises a window of <window> bytes
    And the peer withholds its acknowledgments
    When the host posts 3 sends of 1500 bytes each
    And 50 milliseconds pass
    And the host terminates the offload
    Then the terminate hands back the outstanding send data in the order it was delivered
    And the delegated SndUna, SndNxt and SndMax are set
    And the delegated state matches the wire

    Examples:
      | what                                | window |
      | sent but not acknowledged           | 65535  |
      | partly sent, partly not yet sent    | 2000   |

  @required @TOC-5 @TOC-3 @TRM-5
  Scenario: Terminate in the middle of a transfer and carry on: no byte lost or sent twice
    Given the peer acknowledges at most 3000 bytes
    When the host posts 4 sends of 2000 bytes each
    And 50 milliseconds pass
    And the host terminates the offload
    And the host carries the connection on itself
    And the peer acknowledges everything
    Then the peer has received 8000 bytes exactly once, in order

  @required @TOC-8
  Scenario: Received data the host has not consumed is handed back as buffered data
    Given the host consumes no indicated data
    When the peer sends 3000 bytes
    And the host terminates the offload
    Then the terminate hands back 3000 bytes of received data
    And the host has lost no received data

  @required @TOC-9 @DSC-3
  Scenario: After the terminate the target holds nothing for the connection
    When the host terminates the offload
    And the peer sends 1000 bytes
    And 500 milliseconds pass
    Then the target sent nothing on the connection after the terminate completed
    And the target made no call for the connection after the terminate completed

  @required @TOC-10
  Scenario: Segments that arrive while the terminate is in progress go to the host unacknowledged
    When the peer sends 1000 bytes and the host terminates the offload while they are in flight
    Then the terminate completes with NDIS_STATUS_SUCCESS in every block list
    And the segments that arrived during the terminate reached the host through the ordinary receive path
