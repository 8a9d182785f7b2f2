@send
Feature: Send completion
  A send request is done when the peer has acknowledged all of its data, and requests on a
  connection complete in the order they were delivered. Once a send fails, the sends after it
  in the chain fail too, and none of their data goes out.

  Background:
    Given a connection offloaded to the target

  @required @SND-1 @SND-2
  Scenario: Sends posted in separate calls complete in delivery order
    When the host posts 4 sends of 1000 bytes each
    Then every send completes with NDIS_STATUS_SUCCESS in the order it was delivered
    And the peer has received 4000 bytes

  @required @SND-1 @SND-2
  Scenario: A chain of sends completes in chain order, and only once acknowledged
    Given the peer withholds its acknowledgments
    When the host posts a chain of 3 sends of 2000 bytes each
    And 300 milliseconds pass
    Then no send has completed
    When the peer acknowledges everything
    Then every send completes with NDIS_STATUS_SUCCESS in the order it was delivered

  @required @SND-1 @SND-2
  Scenario: Sends outstanding across a partial acknowledgment complete one by one
    Given the peer acknowledges at most 2500 bytes
    When the host posts 3 sends of 2000 bytes each
    Then 1 send completes with NDIS_STATUS_SUCCESS
    When the peer acknowledges everything
    Then every send completes with NDIS_STATUS_SUCCESS in the order it was delivered

  @required @SND-2
  Scenario: A send larger than the peer's window completes once the window has moved on
    Given the peer advertises a window of 4000 bytes
    When the host posts a send of 20000 bytes
    Then every send completes with NDIS_STATUS_SUCCESS in the order it was delivered
    And the peer has received 20000 bytes

  @required @SND-2
  Scenario: Lost segments are retransmitted before the send completes
    Given the peer loses the next 2 segments from the target
    When the host posts a send of 4000 bytes
    Then every send completes with NDIS_STATUS_SUCCESS in the order it was delivered
    And the peer has received 4000 bytes

  @required @SND-3 @SND-1 @DSC-4
  Scenario: Once a send fails, every later send of the chain fails and sends nothing
    Given the peer advertises a window of 1000 bytes
    And the peer withholds its acknowledgments
    When the host posts a chain of 3 sends of 1000 bytes each
    And the host requests an abortive disconnect
    Then every send completes with NDIS_STATUS_REQUEST_ABORTED in the order it was delivered
    And the disconnect completes with NDIS_STATUS_SUCCESS
    And the peer has received at most 1000 bytes
