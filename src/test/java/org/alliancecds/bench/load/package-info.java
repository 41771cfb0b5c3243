/**
 * The load benchmark of the running service: starts the built WAR on Payara Micro as a separate process (timing
 * start to ready), sends the scenario cases' hook calls with valid, pre-signed JWTs on loopback at several
 * concurrency levels and at a fixed rate, beside trivial endpoints of the same server as the floor, samples the
 * process's resident memory, and times a rule-base reload. Run with
 * {@code mvn -q -DskipTests package exec:exec@load}; method and figures are in BENCHMARKS.md.
 */
package org.alliancecds.bench.load;
