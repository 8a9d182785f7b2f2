/**
 * Meta-tests: the harness judged against targets whose conformance is known. The reference NIC
 * must be certified with every required rule PASS; each faulty target ({@code faulty:RULE-ID},
 * from the {@code chimney-faulty} module) must FAIL its rule with evidence that names the rule and
 * a packet or event, and fail no other rule unless {@link dev.chimney.meta.KnownCollateral} says why.
 * Certification runs in-process through the {@code chimney certify} command line itself.
 */
package dev.chimney.meta;
