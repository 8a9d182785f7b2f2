@offload
Feature: Offloading a connection
  The host stack makes a connection itself, then hands it to the target with its real sequence
  numbers. From then on the target carries the connection on the wire, and the host talks to it
  only through the chimney interface.

  @required @PAR-1 @TOC-1 @TOC-2 @TOC-3 @TOC-7
  Scenario: A connection made by the host is offloaded, carries data both ways, and is uploaded
    Given a connection offloaded to the target
    When the host posts a send of 3000 bytes
    And the peer sends 2000 bytes
    Then every send completes with NDIS_STATUS_SUCCESS in the order it was delivered
    And the peer has received 3000 bytes
    And the host has received 2000 bytes
    When the host terminates the offload
    Then the terminate completes with NDIS_STATUS_SUCCESS in every block list
    And the terminate hands back no send data
    And the delegated state matches the wire
