@disconnect
Feature: Disconnect
  The host closes the send half of an offloaded connection. A graceful disconnect sends any last
  data and then a FIN, without waiting for acknowledgments, and leaves the receive half open. An
  abortive disconnect sends an RST, the only case in which a target may send one, aborts the
  outstanding sends and stops acknowledging anything. Either way the target keeps the connection
  until the host terminates the offload.

  Background:
    Given a connection offloaded to the target

  @required @DSC-1 @DSC-7 @DSC-10
  Scenario: Graceful disconnect with data: data first, then a FIN one past the last byte
    When the host posts a send of 3000 bytes
    And the host requests a graceful disconnect with 500 bytes of data
    Then the target sends a FIN one past the last data byte
    And every send completes with NDIS_STATUS_SUCCESS in the order it was delivered
    And the disconnect completes with NDIS_STATUS_SUCCESS
    And the peer has received 3500 bytes

  @required @DSC-1 @DSC-7
  Scenario: Graceful disconnect without data sends a bare FIN
    When the host requests a graceful disconnect with 0 bytes of data
    Then the target sends a FIN one past the last data byte
    And the disconnect completes with NDIS_STATUS_SUCCESS

  @required @DSC-8 @DSC-10 @DSC-3
  Scenario: The FIN is not held back until the data is acknowledged
    Given the peer withholds its acknowledgments
    When the host posts 2 sends of 1000 bytes each
    And the host requests a graceful disconnect with 1000 bytes of data
    Then the target sends a FIN one past the last data byte
    And no send has completed
    When the peer acknowledges everything
    Then every send completes with NDIS_STATUS_SUCCESS in the order it was delivered
    And the disconnect completes with NDIS_STATUS_SUCCESS

  @required @DSC-9 @DSC-3
  Scenario Outline: After its FIN the target goes on receiving until the peer's <end>
    When the host requests a graceful disconnect with 0 bytes of data
    And the disconnect completes with NDIS_STATUS_SUCCESS
    And the peer sends <before> bytes
    And the peer sends a <end>
    And the peer sends <after> bytes
    Then the host has received <before> bytes
    And the target acknowledged <before> bytes from the peer

    Examples:
      | before | end | after |
      | 0      | FIN | 0     |
      | 4000   | FIN | 0     |
      | 4000   | FIN | 1000  |
      | 2000   | RST | 1000  |

  @required @DSC-9 @TOC-8
  Scenario: Data after the FIN is indicated even when the host has posted no buffers
    When the host requests a graceful disconnect with 0 bytes of data
    And the peer sends 3000 bytes
    And the peer sends a FIN
    Then the host has received 3000 bytes
    And the target indicates the peer's disconnect

  @required @DSC-2 @DSC-4 @DSC-6 @DSC-1
  Scenario: Abortive disconnect with sends outstanding
    Given the peer withholds its acknowledgments
    When the host posts 3 sends of 1000 bytes each
    And the host requests an abortive disconnect
    Then the target sends an RST
    And every send completes with NDIS_STATUS_REQUEST_ABORTED in the order it was delivered
    And the disconnect completes with NDIS_STATUS_SUCCESS

  @required @DSC-5 @DSC-2
  Scenario: After an abortive disconnect nothing the peer sends is acknowledged
    Given the host consumes no indicated data
    When the peer sends 2000 bytes
    And the host requests an abortive disconnect
    And the peer sends 3000 bytes
    Then the target sends an RST
    And the target acknowledges nothing after the RST

  @required @DSC-3
  Scenario: A stray segment for a closed connection does not draw an RST from the target
    When the host requests a graceful disconnect with 0 bytes of data
    And the peer sends a FIN
    And the host terminates the offload
    And the peer sends 500 bytes
    Then the target sent no RST

  @required @DSC-11 @DSC-12 @DSC-13
  Scenario: A disconnect after the peer's RST may fail, and the connection still terminates cleanly
    When the peer sends an RST
    And the target indicates the peer's abort
    And the host requests a graceful disconnect with 0 bytes of data
    Then the disconnect completes
    When the host terminates the offload
    Then the terminate completes with NDIS_STATUS_SUCCESS in every block list

  @required @DSC-11
  Scenario: A disconnect on a healthy connection succeeds
    When the host requests a graceful disconnect with 100 bytes of data
    Then the disconnect completes with NDIS_STATUS_SUCCESS

  @required @DSC-13 @TOC-3
  Scenario Outline: After a <kind> disconnect the target keeps the connection until the host terminates it
    When the host requests <a> <kind> disconnect with 0 bytes of data
    And the disconnect completes with NDIS_STATUS_SUCCESS
    And 1000 milliseconds pass
    And the host terminates the offload
    Then the terminate completes with NDIS_STATUS_SUCCESS in every block list
    And the delegated state matches the wire

    Examples:
      | a  | kind     |
      | a  | graceful |
      | an | abortive |
