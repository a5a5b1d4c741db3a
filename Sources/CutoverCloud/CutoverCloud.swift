/// AWS and DICOMweb over HTTP: libcurl transport, SigV4, credentials and endpoints, typed clients.
enum CutoverCloud {}
