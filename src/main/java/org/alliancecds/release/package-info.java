/**
 * Rule-base releases: immutable, versioned bundles of {@code rules/} and {@code fhir-profiles/} kept in the database
 * every instance shares (the audit's), so that instances no longer depend on a shared folder; and what later steps
 * need stored beside them: the steps taken with each release, the version each instance serves, and what a
 * candidate in shadow would have answered differently.
 * <p>
 * In: a rules folder and a profiles folder, a semantic version (or the folder's {@code VERSION}), the admin
 * credential's name and a required comment ({@link org.alliancecds.release.ReleaseCreation}, which runs the rules
 * check on the exact bytes it releases and refuses with the check's problems at their file and line); steps
 * (activate now or at a time, roll back, shadow start and stop) as {@link org.alliancecds.release.ReleaseEvent}s;
 * heartbeats; shadow differences and counts. Out: rows in {@code rule_release}, {@code rule_release_event},
 * {@code rule_release_instance}, {@code rule_release_shadow_difference} and {@code rule_release_shadow_count}
 * (schema by Flyway, {@code db/migration/V5}); read back, a release's files
 * ({@link org.alliancecds.release.ReleaseContent}, which can write them to a folder for the compilers), the release
 * serving at a time and the next scheduled ({@link org.alliancecds.release.ReleaseEvents}), the candidate in shadow,
 * the instances' versions ({@link org.alliancecds.release.InstanceStore}) and a shadow report per rule
 * ({@link org.alliancecds.release.ShadowStore}).
 * <p>
 * Plain Java with the {@code DataSource} and {@code Clock} given to the constructor. Not here: putting a release in
 * service, running the shadow evaluation, the admin API and the console; hot reload from folders, which stays the
 * laptop mode ({@code admin.Reloader}).
 */
package org.alliancecds.release;
