@forward
Feature: Forwarding received segments
  The host forwards segments it received but did not acknowledge, one TCP segment per
  NET_BUFFER_LIST, once the offload has completed. The target returns NDIS_STATUS_PENDING,
  processes each segment as if it had come off the wire, and completes each list exactly once.

  Background:
    Given a connection offloaded to the target

  @optional @FWD-1 @FWD-2 @FWD-3 @FWD-4 @FWD-5
  Scenario: Forwarded segments are acknowledged and delivered, each list completed once
    When the host forwards 3 segments of 500 bytes from the peer
    Then each forwarded NET_BUFFER_LIST completes exactly once
    And the target acknowledged 1500 bytes from the peer
    And the host has received 1500 bytes

  @optional @FWD-3 @FWD-2
  Scenario: A forwarded segment that the wire already delivered is not delivered twice
    When the peer sends 1000 bytes
    And the host forwards the peer's last segment again
    Then each forwarded NET_BUFFER_LIST completes exactly once
    And the host has received 1000 bytes

  @optional @FWD-5 @FWD-2
  Scenario: Segments the host receives during a terminate are not forwarded to the target
    When the host terminates the offload while forwarding 2 segments of 500 bytes from the peer
    Then the host forwarded nothing while the terminate was in progress
