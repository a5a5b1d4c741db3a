/// The HTTP APIs cutover talks to, each with its own default host.
///
/// HealthImaging splits one service over three hosts that all sign as `medical-imaging`: the control plane
/// (data stores, import jobs), the runtime (`hostPrefix: "runtime-"` in the botocore model: image sets and
/// frames), and DICOMweb (not in the SDK model).
public enum ServiceAPI: String, Sendable, Hashable, CaseIterable {
    case medicalImaging = "medical-imaging"
    case medicalImagingRuntime = "runtime-medical-imaging"
    case dicomWeb = "dicom-medical-imaging"
    case s3 = "s3"

    public var signingService: SigningService {
        self == .s3 ? .s3 : .medicalImaging
    }

    /// The AWS host for a region, e.g. `runtime-medical-imaging.us-east-1.amazonaws.com`.
    func defaultHost(region: String) -> String {
        "\(rawValue).\(region).amazonaws.com"
    }

    /// The service-specific override variable, checked before `AWS_ENDPOINT_URL`.
    ///
    /// HealthImaging's variable applies to all three of its APIs: botocore sends every operation to the one
    /// override URL without the `runtime-` prefix (`inject_host_prefix=False`), and a local fake serves
    /// DICOMweb on the same port.
    var overrideVariable: String {
        self == .s3 ? "AWS_ENDPOINT_URL_S3" : "AWS_ENDPOINT_URL_MEDICAL_IMAGING"
    }
}
