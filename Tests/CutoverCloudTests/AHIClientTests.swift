import Foundation
import Testing

@testable import CutoverCloud

/// The HealthImaging client's requests and answers, against a scripted transport (the live fake is in e2e).
@Suite struct AHIClientTests {
    typealias ScriptedHTTP = S3ClientTests.ScriptedHTTP

    private func client(_ http: ScriptedHTTP, sleeps: Box) throws -> AHIClient {
        try AHIClient(
            http: http, credentials: Credentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "secret"),
            region: "us-east-1", environment: [:], clock: { Date(timeIntervalSince1970: 1_440_938_160) },
            sleep: { sleeps.values.append($0) }, random: { 0.5 })
    }

    final class Box { var values: [Double] = [] }

    @Test func getImageSetIsAPostToTheRuntimeHostAndReadsVersionAndPrimary() throws {
        let http = ScriptedHTTP([.response(200, #"{"imageSetId":"x","versionId":"3","isPrimary":false}"#)])
        let answer = try client(http, sleeps: Box()).imageSet(
            datastoreId: "bbc4f3cccbae4095a34170fddc19b13d", imageSetId: "5b3a711878c34d40e888253319388649")
        #expect(answer.versionId == "3")
        #expect(answer.isPrimary == false)
        #expect(http.requests.first?.method.rawValue == "POST")
        #expect(
            http.requests.first?.url
                == "https://runtime-medical-imaging.us-east-1.amazonaws.com/datastore/bbc4f3cccbae4095a34170fddc19b13d/imageSet/5b3a711878c34d40e888253319388649/getImageSet")
    }

    @Test func throttlingIsRetriedWithJitteredBackoffThenAnswered() throws {
        let throttled = ScriptedHTTP.Answer.response(429, #"{"message":"Rate exceeded"}"#)
        let http = ScriptedHTTP([throttled, throttled, .response(200, #"{"jobSummaries":[]}"#)])
        let sleeps = Box()
        let ahi = try client(http, sleeps: sleeps)
        let page = try ahi.listImportJobs(datastoreId: "bbc4f3cccbae4095a34170fddc19b13d")
        #expect(page.jobs.isEmpty && page.nextToken == nil)
        #expect(ahi.retries == 2)
        // Full jitter: half of 0.2 s, then half of 0.4 s.
        #expect(sleeps.values == [0.1, 0.2])
    }

    @Test func aRefusalIsNotRetriedAndNamesTheOperation() throws {
        let http = ScriptedHTTP([.response(403, #"{"__type":"com.amazon#AccessDeniedException","message":"no"}"#)])
        #expect {
            try client(http, sleeps: Box()).importJob(datastoreId: "d", jobId: "j")
        } throws: { error in
            let text = String(describing: error)
            return text.hasPrefix("GetDICOMImportJob was refused by ")
                && text.contains(": AccessDeniedException (HTTP 403)")
        }
        #expect(http.requests.count == 1)
    }
}
