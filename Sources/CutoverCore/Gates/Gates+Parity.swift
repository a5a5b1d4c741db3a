extension Gates {
    /// Viewer and AI parity: every stored syntax decodable by every consumer, no frame-level or blob warnings.
    ///
    /// Works from predicted syntaxes too, so an undecodable syntax holds the cohort when it is defined
    /// (pre-flight), not after cutover. Hold signals win over `pending`: a missing consumer list is a
    /// configuration gap that no amount of importing will fill.
    public static func parity(_ evidence: CohortEvidence) -> GateResult {
        let syntaxes = evidence.storedSyntaxes.filter { $0.instances > 0 }
        var reasons: [String] = []
        var gaps = 0

        if evidence.consumers.isEmpty { reasons.append("no consumers configured") }
        for consumer in evidence.consumers {
            for syntax in syntaxes where !consumer.decodes.contains(syntax.uid) {
                gaps += 1
                let suffix = syntax.predicted ? " (predicted)" : ""
                reasons.append(
                    "\(consumer.kind) \(consumer.name) cannot decode \(syntax.uid) in "
                        + "\(counted(syntax.instances, "instance"))\(suffix)")
            }
        }
        if evidence.openFrameWarnings > 0 {
            reasons.append(
                "\(counted(evidence.openFrameWarnings, "open frame-level warning")) (45328, 45329, 45330): "
                    + "frames not retrievable")
        }
        if evidence.openBlobWarnings > 0 {
            reasons.append(
                "\(counted(evidence.openBlobWarnings, "open blob-stored instance")) (45312, 45344): "
                    + "pixel data kept as a blob")
        }

        let counts: [String: Int] = [
            "consumers": evidence.consumers.count,
            "syntaxes": Set(syntaxes.map(\.uid)).count,
            "storedInstances": syntaxes.filter { !$0.predicted }.reduce(0) { $0 + $1.instances },
            "predictedInstances": syntaxes.filter(\.predicted).reduce(0) { $0 + $1.instances },
            "decoderGaps": gaps,
            "frameWarnings": evidence.openFrameWarnings,
            "blobWarnings": evidence.openBlobWarnings,
        ]
        let status: GateStatus
        if !reasons.isEmpty {
            status = .hold
        } else if syntaxes.isEmpty {
            status = .pending
            reasons = ["no stored or predicted transfer syntaxes yet"]
        } else {
            status = .pass
        }
        return GateResult(name: .parity, status: status, reasons: reasons, counts: counts)
    }
}
