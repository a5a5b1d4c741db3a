import Testing

@testable import CutoverCloud

/// Base URLs per API, and the `AWS_ENDPOINT_URL*` overrides that point clients at local servers.
@Suite struct EndpointResolverTests {
    @Test(arguments: [
        (ServiceAPI.medicalImaging, "us-east-1", "https://medical-imaging.us-east-1.amazonaws.com"),
        (.medicalImagingRuntime, "us-east-1", "https://runtime-medical-imaging.us-east-1.amazonaws.com"),
        (.dicomWeb, "eu-west-2", "https://dicom-medical-imaging.eu-west-2.amazonaws.com"),
        (.s3, "ap-southeast-2", "https://s3.ap-southeast-2.amazonaws.com"),
    ])
    func defaultHosts(_ api: ServiceAPI, _ region: String, _ expected: String) throws {
        let endpoint = try EndpointResolver.resolve(api, region: region, environment: [:])
        #expect(endpoint.url == expected)
        #expect(!endpoint.isOverride)
        #expect(endpoint.signingService == (api == .s3 ? .s3 : .medicalImaging))
    }

    struct OverrideCase: Sendable, CustomTestStringConvertible {
        var name: String
        var api: ServiceAPI
        var environment: [String: String]
        var url: String
        var testDescription: String { name }
    }

    static let overrideCases: [OverrideCase] = [
        .init(
            name: "service variable for control plane", api: .medicalImaging,
            environment: ["AWS_ENDPOINT_URL_MEDICAL_IMAGING": "http://127.0.0.1:5000"], url: "http://127.0.0.1:5000"),
        .init(
            name: "runtime gets no runtime- prefix", api: .medicalImagingRuntime,
            environment: ["AWS_ENDPOINT_URL_MEDICAL_IMAGING": "http://127.0.0.1:5000/"], url: "http://127.0.0.1:5000"),
        .init(
            name: "DICOMweb follows the medical-imaging override", api: .dicomWeb,
            environment: ["AWS_ENDPOINT_URL_MEDICAL_IMAGING": "http://localhost:8042"], url: "http://localhost:8042"),
        .init(
            name: "service variable beats the global one", api: .medicalImaging,
            environment: ["AWS_ENDPOINT_URL_MEDICAL_IMAGING": "http://a:1", "AWS_ENDPOINT_URL": "http://b:2"],
            url: "http://a:1"),
        .init(
            name: "global variable for medical-imaging", api: .medicalImagingRuntime,
            environment: ["AWS_ENDPOINT_URL": "http://b:2"], url: "http://b:2"),
        .init(
            name: "S3 variable", api: .s3,
            environment: [
                "AWS_ENDPOINT_URL_S3": "http://127.0.0.1:9000", "AWS_ENDPOINT_URL_MEDICAL_IMAGING": "http://x:1",
            ],
            url: "http://127.0.0.1:9000"),
        .init(
            name: "S3 falls back to the global variable", api: .s3,
            environment: ["AWS_ENDPOINT_URL": "https://S3.Example.Test"], url: "https://s3.example.test"),
        .init(
            name: "S3 ignores the medical-imaging variable", api: .s3,
            environment: ["AWS_ENDPOINT_URL_MEDICAL_IMAGING": "http://x:1"], url: "https://s3.us-east-1.amazonaws.com"),
        .init(
            name: "empty variable counts as unset", api: .medicalImaging,
            environment: ["AWS_ENDPOINT_URL_MEDICAL_IMAGING": "", "AWS_ENDPOINT_URL": "http://b:2"], url: "http://b:2"),
        .init(
            name: "base path kept without trailing slash", api: .s3,
            environment: ["AWS_ENDPOINT_URL_S3": "http://127.0.0.1:5000/s3/"], url: "http://127.0.0.1:5000/s3"),
        .init(
            name: "IPv6 host", api: .s3, environment: ["AWS_ENDPOINT_URL_S3": "http://[::1]:5000"],
            url: "http://[::1]:5000"),
        .init(
            name: "default port dropped from the URL", api: .s3,
            environment: ["AWS_ENDPOINT_URL_S3": "https://minio.test:443"], url: "https://minio.test"),
        .init(
            name: "overrides can be switched off", api: .medicalImaging,
            environment: ["AWS_ENDPOINT_URL": "http://b:2", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "true"],
            url: "https://medical-imaging.us-east-1.amazonaws.com"),
    ]

    @Test(arguments: overrideCases)
    func overrides(_ test: OverrideCase) throws {
        let endpoint = try EndpointResolver.resolve(test.api, region: "us-east-1", environment: test.environment)
        #expect(endpoint.url == test.url)
    }

    @Test func overrideRequestsSignWithTheOverrideHostAndPort() throws {
        let endpoint = try EndpointResolver.resolve(
            .medicalImagingRuntime, region: "us-east-1",
            environment: ["AWS_ENDPOINT_URL_MEDICAL_IMAGING": "http://127.0.0.1:5000/ahi"])
        let request = endpoint.request(method: "POST", path: "/datastore/d/imageSet/i/getImageSet")
        #expect(request.hostHeader == "127.0.0.1:5000")
        #expect(request.url == "http://127.0.0.1:5000/ahi/datastore/d/imageSet/i/getImageSet")
        #expect(endpoint.isOverride)
        #expect(endpoint.signingService == .medicalImaging)
    }

    @Test(arguments: [
        ("ftp://host", "the scheme is not http or https"),
        ("127.0.0.1:5000", "no scheme"),
        ("http://", "it has no host"),
        ("http://user:pw@host", "it has user info"),
        ("http://host:0", "the port is not 1-65535"),
        ("http://host:99999", "the port is not 1-65535"),
        ("http://host:abc", "the port is not 1-65535"),
        ("http://host/?x=1", "it has a query or fragment"),
        ("http://[::1", "an IPv6 address lacks its ]"),
    ])
    func invalidOverridesSayWhyWithoutEchoingTheValue(_ value: String, _ reason: String) {
        #expect(throws: EndpointError.invalidOverride(variable: "AWS_ENDPOINT_URL_S3", reason: reason)) {
            try EndpointResolver.resolve(.s3, region: "us-east-1", environment: ["AWS_ENDPOINT_URL_S3": value])
        }
        let message = EndpointError.invalidOverride(variable: "AWS_ENDPOINT_URL_S3", reason: reason).description
        #expect(!message.contains("pw"))
    }

    @Test(arguments: ["", "us east 1", "-us-east-1", "us-east-1.evil.com", "us/east"])
    func invalidRegionsAreRefused(_ region: String) {
        #expect(throws: EndpointError.invalidRegion(region)) {
            try EndpointResolver.resolve(.medicalImaging, region: region, environment: [:])
        }
    }
}
