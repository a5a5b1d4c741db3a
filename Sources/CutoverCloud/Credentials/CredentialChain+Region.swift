extension CredentialChain {
    /// The region, in botocore's order: `AWS_REGION`, `AWS_DEFAULT_REGION`, then `region` in the profile's
    /// section of the config file (the credentials file holds no region).
    public func region() throws(CredentialError) -> String {
        if let region = environment.awsVariable("AWS_REGION") ?? environment.awsVariable("AWS_DEFAULT_REGION") {
            return region
        }
        let files = SharedConfigFiles(environment: environment, homeDirectory: homeDirectory, reader: reader)
        if let region = files.configProfile(profileName)?["region"], !region.isEmpty {
            return region
        }
        throw .noRegion(profile: profileName, configPath: files.configPath)
    }
}
