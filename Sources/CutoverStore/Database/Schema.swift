import GRDB

/// Versioned migrations. A shipped migration is never edited: add a new one.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-ingest", migrate: v1)
        migrator.registerMigration("v2-inventory", migrate: v2)
        migrator.registerMigration("v3-findings", migrate: v3)
        migrator.registerMigration("v4-decisions", migrate: v4)
        migrator.registerMigration("v5-gate-snapshots", migrate: v5)
        migrator.registerMigration("v6-leases", migrate: v6)
        migrator.registerMigration("v7-page-indexes", migrate: v7)
        migrator.registerMigration("v8-cohort-digests", migrate: v8)
        migrator.registerMigration("v9-pacs-studies", migrate: v9)
        migrator.registerMigration("v10-image-set-metadata", migrate: v10)
        migrator.registerMigration("v11-findings-index", migrate: v11)
        migrator.registerMigration("v12-image-set-jobs", migrate: v12)
        return migrator
    }
}
