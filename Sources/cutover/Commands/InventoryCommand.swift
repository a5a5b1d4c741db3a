import ArgumentParser

struct InventoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inventory",
        abstract: "Record what was sent: the source instances, from Part 10 files or an export; count what a PACS holds.",
        subcommands: [InventoryScanCommand.self, InventoryImportCommand.self, InventoryQidoCommand.self])
}
