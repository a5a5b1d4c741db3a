/// Invented patients. A few names carry a comma or quotes, as real exports sometimes do, so that CSV quoting
/// is exercised; re-sent studies carry an outside MRN and an abbreviated name, the conflict that makes AHI
/// create a non-primary image set.
enum PatientIdentity {
    static func id(_ key: UInt64, resend: Bool) -> String {
        resend
            ? "EXT" + DemoText.padded(Int(DemoHash.mix(key ^ 0xE7) % 900_000) + 100_000, 6)
            : "MRN" + DemoText.padded(Int(key % 9_000_000) + 1_000_000, 7)
    }

    static func name(_ key: UInt64, resend: Bool) -> String {
        let h = DemoHash.mix(key)
        let surname = surnames[Int(h % UInt64(surnames.count))]
        let given = givenNames[Int((h >> 20) % UInt64(givenNames.count))]
        if resend { return "\(surname)^\(given.prefix(1))" }
        switch (h >> 40) % 400 {
        case 0: return "\(surname), JR^\(given)"
        case 1: return "\(surname)^\(given) \"\(given.prefix(3))\""
        default: return "\(surname)^\(given)"
        }
    }

    private static let surnames = [
        "SMITH", "JONES", "WILLIAMS", "BROWN", "WILSON", "TAYLOR", "NGUYEN", "JOHNSON", "MARTIN", "WHITE",
        "ANDERSON", "WALKER", "THOMPSON", "THOMAS", "LEE", "RYAN", "ROBINSON", "KELLY", "KING", "HARRIS",
        "DAVIS", "WRIGHT", "EVANS", "ROBERTS", "GREEN", "HALL", "WOOD", "JACKSON", "CLARKE", "PATEL",
        "KHAN", "CHEN", "WANG", "LI", "ZHANG", "SINGH", "MURPHY", "OBRIEN", "OCONNOR", "HUGHES",
        "EDWARDS", "HILL", "MOORE", "CAMPBELL", "MITCHELL", "YOUNG", "ALLEN", "SCOTT", "STEWART", "MORRIS",
        "PAPADOPOULOS", "ROSSI", "TRAN", "PHAM", "KIM", "PARK", "COSTA", "SILVA", "NOVAK", "MULLER",
    ]

    private static let givenNames = [
        "JANE", "JOHN", "MARY", "JAMES", "OLIVIA", "WILLIAM", "CHARLOTTE", "JACK", "AMELIA", "NOAH",
        "ISLA", "OLIVER", "MIA", "LEO", "AVA", "HENRY", "GRACE", "LUCAS", "CHLOE", "THOMAS",
        "SOPHIE", "ETHAN", "ZOE", "DANIEL", "RUBY", "SAMUEL", "EMILY", "LIAM", "HANNAH", "MAX",
        "MARGARET", "ROBERT", "PATRICIA", "DAVID", "LINDA", "PETER", "SUSAN", "MICHAEL", "HELEN", "GEORGE",
        "THI", "MINH", "WEI", "PRIYA", "ARJUN", "FATIMA", "AHMED", "YUKI", "SIONE", "ANH",
    ]
}
