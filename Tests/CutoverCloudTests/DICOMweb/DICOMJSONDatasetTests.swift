import CutoverCloud
import CutoverFormats
import Testing

/// Reading attributes of the DICOM JSON model (PS3.18 F.2) as QIDO-RS servers actually send them.
@Suite struct DICOMJSONDatasetTests {
    static func dataset(_ text: String) throws -> DICOMJSONDataset {
        try #require(DICOMJSONDataset(try LenientJSONParser.parseDocument(Array(text.utf8))))
    }

    @Test(arguments: [
        ("a UI value", #"{"0020000D": {"vr": "UI", "Value": ["1.2.3"]}}"#, DICOMTag.studyInstanceUID, "1.2.3"),
        ("a lower-case tag key", #"{"0020000d": {"vr": "UI", "Value": ["1.2.3"]}}"#, .studyInstanceUID, "1.2.3"),
        ("a PN object", #"{"00100010": {"vr": "PN", "Value": [{"Alphabetic": "Doe^Jane"}]}}"#, .patientName, "Doe^Jane"),
        (
            "a PN with only ideographic", #"{"00100010": {"vr": "PN", "Value": [{"Ideographic": "山田^太郎"}]}}"#,
            .patientName, "山田^太郎"
        ),
        ("an attribute without Value", #"{"00080050": {"vr": "SH"}}"#, .accessionNumber, nil),
        ("an empty Value", #"{"00080050": {"vr": "SH", "Value": []}}"#, .accessionNumber, nil),
        ("a null value", #"{"00080050": {"vr": "SH", "Value": [null]}}"#, .accessionNumber, nil),
        ("an empty string", #"{"00080050": {"vr": "SH", "Value": [""]}}"#, .accessionNumber, nil),
        ("an absent attribute", #"{}"#, .modality, nil),
        ("the first of several values", #"{"00080060": {"vr": "CS", "Value": ["CT", "PT"]}}"#, .modality, "CT"),
        ("an IS as a number", #"{"00201208": {"vr": "IS", "Value": [42]}}"#, .numberOfStudyRelatedInstances, "42"),
    ] as [(String, String, DICOMTag, String?)])
    func readsTheFirstValueAsText(_ name: String, _ json: String, _ tag: DICOMTag, _ expected: String?) throws {
        #expect(try Self.dataset(json).string(tag) == expected, "\(name)")
    }

    @Test(arguments: [
        ("multi-valued strings", #"{"00080060": {"vr": "CS", "Value": ["CT", "PT"]}}"#, DICOMTag.modality, ["CT", "PT"]),
        (
            "multi-valued PN", #"{"00100010": {"vr": "PN", "Value": [{"Alphabetic": "A^B"}, {"Alphabetic": "C^D"}]}}"#,
            .patientName, ["A^B", "C^D"]
        ),
        ("nulls are left out", #"{"00080060": {"vr": "CS", "Value": ["CT", null, "MR"]}}"#, .modality, ["CT", "MR"]),
        ("no Value", #"{"00080060": {"vr": "CS"}}"#, .modality, []),
    ] as [(String, String, DICOMTag, [String])])
    func readsEveryValue(_ name: String, _ json: String, _ tag: DICOMTag, _ expected: [String]) throws {
        #expect(try Self.dataset(json).strings(tag) == expected, "\(name)")
    }

    @Test(arguments: [
        ("a number", #"[12]"#, 12),
        ("a string with padding", #"[" 12 "]"#, 12),
        ("not a number", #"["twelve"]"#, nil),
        ("no value", #"[]"#, nil),
    ] as [(String, String, Int?)])
    func readsIntegerStrings(_ name: String, _ values: String, _ expected: Int?) throws {
        let json = #"{"00201209": {"vr": "IS", "Value": \#(values)}}"#
        #expect(try Self.dataset(json).int(.numberOfSeriesRelatedInstances) == expected, "\(name)")
    }

    @Test func aStudyCarriesItsIdentifiersAndOptionalCounts() throws {
        let study = try #require(
            QIDOStudy(
                Self.dataset(
                    """
                    {"0020000D": {"vr": "UI", "Value": ["1.2.3"]}, "00100020": {"vr": "LO", "Value": ["P1"]},
                     "00100010": {"vr": "PN", "Value": [{"Alphabetic": "Doe^Jane"}]},
                     "00080050": {"vr": "SH"}, "00080020": {"vr": "DA", "Value": ["20240102"]},
                     "00201206": {"vr": "IS", "Value": [2]}}
                    """)))
        #expect(
            study
                == QIDOStudy(
                    studyInstanceUID: "1.2.3", patientID: "P1", patientName: "Doe^Jane", accessionNumber: nil,
                    studyDate: "20240102", numberOfSeries: 2, numberOfInstances: nil))
    }

    @Test func dataSetsWithoutTheirUIDAreNotResults() throws {
        let empty = try Self.dataset(#"{"00080060": {"vr": "CS", "Value": ["CT"]}}"#)
        #expect(QIDOStudy(empty) == nil)
        #expect(QIDOSeries(empty) == nil)
        #expect(QIDOInstance(empty) == nil)
    }

    @Test func aNonObjectIsNotADataSet() {
        #expect(DICOMJSONDataset(.array([])) == nil)
        #expect(DICOMJSONDataset(.string("1.2.3")) == nil)
    }
}
