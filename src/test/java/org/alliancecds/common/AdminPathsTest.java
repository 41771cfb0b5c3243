package org.alliancecds.common;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdminPathsTest {

    @Test
    void onlyTheAdminRootResourceIsAdmin() {
        assertTrue(AdminPaths.isAdmin(List.of("admin/rule-base")));
        assertTrue(AdminPaths.isAdmin(List.of("admin/scenarios/X/y.json", "admin/scenarios")));
        assertFalse(AdminPaths.isAdmin(List.of("cds-services/alliance-patient-view")));
        assertFalse(AdminPaths.isAdmin(List.of("feedback", "cds-services/x")));
        assertFalse(AdminPaths.isAdmin(List.of("administrator")));
        assertFalse(AdminPaths.isAdmin(List.of()));
    }

    @Test
    void aRequestPathIsAdminByItsFirstSegmentAfterDotSegmentsAreRemoved() {
        assertTrue(AdminPaths.isAdmin("admin/rule-base"));
        assertTrue(AdminPaths.isAdmin("cds-services/../admin/try"));
        assertFalse(AdminPaths.isAdmin("administrator"));
        assertFalse(AdminPaths.isAdmin("cds-services/admin"));
    }
}
