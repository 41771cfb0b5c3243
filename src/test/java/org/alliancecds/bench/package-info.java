/**
 * JMH benchmarks of the in-process work: rule evaluation alone, and the whole pipeline from a request body to cards,
 * for a patient with twelve sessions of data; and the pipeline and its stages for a patient of 1 to 1,000 weekly
 * sessions (issue #15). Run with {@code mvn -q test-compile exec:exec@bench}; results and method are in
 * BENCHMARKS.md.
 */
package org.alliancecds.bench;
