import Testing

@testable import CutoverCloud

/// The vectors in the reference (§8.3, generated with botocore) and cases from the official AWS SigV4 test
/// suite (`awslabs/aws-c-auth`, `tests/aws-signing-test-suite/v4/`), compared byte for byte.
@Suite struct SigV4ReferenceVectorTests {
    static let credentials = Credentials(
        accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
    /// 2015-08-30T12:36:00Z
    static let time: Int64 = 1_440_938_160
    static let datastore = "bbc4f3cccbae4095a34170fddc19b13d"

    func sign(_ request: SigningRequest, service: SigningService = .medicalImaging, token: String? = nil)
        -> SigV4Signature
    {
        var credentials = Self.credentials
        credentials.sessionToken = token
        return SigV4Signer(credentials: credentials, region: "us-east-1", service: service)
            .sign(request, epochSeconds: Self.time)
    }

    @Test func listImportJobsMatchesReferenceCanonicalRequestStringToSignAndSignature() {
        let request = SigningRequest(
            method: "GET", host: "medical-imaging.us-east-1.amazonaws.com",
            path: "/listDICOMImportJobs/datastore/\(Self.datastore)",
            query: [.init("maxResults", "50"), .init("jobStatus", "IN_PROGRESS")])
        let signature = sign(request)
        #expect(
            signature.canonicalRequest == """
                GET
                /listDICOMImportJobs/datastore/bbc4f3cccbae4095a34170fddc19b13d
                jobStatus=IN_PROGRESS&maxResults=50
                host:medical-imaging.us-east-1.amazonaws.com
                x-amz-date:20150830T123600Z

                host;x-amz-date
                e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
                """)
        #expect(
            signature.stringToSign == """
                AWS4-HMAC-SHA256
                20150830T123600Z
                20150830/us-east-1/medical-imaging/aws4_request
                3606a711e5e268a093784c6212a0340a207eb292d8eef4399fd1ea4b048b6518
                """)
        #expect(
            signature.authorization
                == "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/medical-imaging/aws4_request, "
                + "SignedHeaders=host;x-amz-date, "
                + "Signature=d2988ab72dc8c1fe878884fe120e85a28f40f81a76c56fccf6b69cea85fc4291")
        #expect(signature.headers.map(\.name) == ["x-amz-date", "authorization"])
    }

    @Test func getImportJobMatchesReferenceSignature() {
        let request = SigningRequest(
            method: "GET", host: "medical-imaging.us-east-1.amazonaws.com",
            path: "/getDICOMImportJob/datastore/\(Self.datastore)/job/a6a1d220f152e7aab6d8925d995d8b76")
        #expect(sign(request).signature == "42968b2766f2aa14850fe8cbe5736d2c02b15df2e8d9383bec7566e4d56c085b")
    }

    @Test func runtimePostWithEmptyBodyMatchesReferenceSignature() {
        let request = SigningRequest(
            method: "POST", host: "runtime-medical-imaging.us-east-1.amazonaws.com",
            path: "/datastore/\(Self.datastore)/imageSet/5b3a711878c34d40e888253319388649/getImageSet")
        #expect(sign(request).signature == "c19c38fd68a7cac66fb6c33fd1a29d588ad2f744532443525c099120042b8fea")
    }

    @Test func officialSuiteGetVanilla() {
        let request = SigningRequest(method: "GET", host: "example.amazonaws.com", path: "/")
        #expect(
            sign(request, service: SigningService(signingName: "service")).signature
                == "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")
    }

    @Test func officialSuiteGetVanillaQueryOrderKeyCase() {
        let request = SigningRequest(
            method: "GET", host: "example.amazonaws.com", path: "/",
            query: [.init("Param2", "value2"), .init("Param1", "value1")])
        #expect(
            sign(request, service: SigningService(signingName: "service")).signature
                == "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500")
    }

    @Test func officialSuiteGetVanillaWithSessionToken() {
        let request = SigningRequest(method: "GET", host: "example.amazonaws.com", path: "/")
        let token = "6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267"
        let signature = sign(request, service: SigningService(signingName: "service"), token: token)
        #expect(signature.signedHeaders == "host;x-amz-date;x-amz-security-token")
        #expect(signature.signature == "07ec1639c89043aa0e3e2de82b96708f198cceab042d4a97044c66dd9f74e7f8")
        #expect(signature.headers.contains(SigningRequest.Header("x-amz-security-token", token)))
    }
}
