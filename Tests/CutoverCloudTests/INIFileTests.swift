import Testing

@testable import CutoverCloud

/// The INI subset of the shared AWS files, read as Python's `configparser` reads them.
@Suite struct INIFileTests {
    @Test func sectionsKeysCommentsAndWhitespace() {
        let ini = INIFile(
            parsing: """
                # leading comment
                key_before_any_section = ignored
                [ default ]
                Region = us-east-1
                output: json
                ; comment = not a key
                AWS_SECRET_ACCESS_KEY = a#b;c
                no delimiter here
                [Other]
                region=eu-west-1\r
                """)
        #expect(ini.value("region", in: "default") == "us-east-1")
        #expect(ini.value("output", in: "default") == "json")
        #expect(ini.value("aws_secret_access_key", in: "default") == "a#b;c")
        #expect(ini.value("comment", in: "default") == nil)
        #expect(ini.value("region", in: "Other") == "eu-west-1")
        #expect(ini.value("region", in: "other") == nil)
        #expect(!ini.hasSection("key_before_any_section"))
    }

    @Test func indentedLinesContinueTheValueAboveThem() {
        let ini = INIFile(
            parsing: """
                [profile x]
                s3 =
                    addressing_style = path
                region = us-west-2
                """)
        #expect(ini.value("s3", in: "profile x") == "\naddressing_style = path")
        #expect(ini.value("addressing_style", in: "profile x") == nil)
        #expect(ini.value("region", in: "profile x") == "us-west-2")
    }

    @Test func repeatedSectionsMergeAndLaterKeysWin() {
        let ini = INIFile(parsing: "[a]\nk=1\nj=2\n[b]\n[a]\nk=3\n")
        #expect(ini.value("k", in: "a") == "3")
        #expect(ini.value("j", in: "a") == "2")
        #expect(ini.hasSection("b"))
    }

    @Test func emptyValueIsKeptAsEmpty() {
        #expect(INIFile(parsing: "[a]\nk =\n").value("k", in: "a") == "")
    }
}
