/// Names and UIDs of studies, series and files, all derived from their records.
extension DemoPlan {
    /// `ED19000123`: department code, two-digit study year, running number (a re-send keeps the original's).
    func accession(_ study: PlannedStudy) -> String {
        let year = DemoText.dicomDate(day: Int(study.day)).dropFirst(2).prefix(2)
        return cohorts[Int(study.cohort)].accessionCode + year + DemoText.padded(Int(study.ordinal) + 1, 6)
    }

    func studyFolder(_ study: PlannedStudy) -> String {
        accession(study) + (study.isResend ? "_RESEND" : "")
    }

    func seriesFolder(_ s: PlannedSeries) -> String {
        "SE" + DemoText.padded(Int(s.number), 3) + "_" + s.kind.modality
    }

    /// `input/<cohort>/<batch>/<study>/<series>/`: the key prefix of every file of the series.
    func seriesKeyPrefix(_ s: PlannedSeries) -> String {
        let study = studies[Int(s.study)]
        let batch = batches[Int(study.batch)]
        return cohorts[batch.cohort].inputPrefix + batch.name + "/" + studyFolder(study) + "/" + seriesFolder(s) + "/"
    }

    /// The object key, exactly as AHI reports it in `inputFile`.
    func appendInputKey(prefix: [UInt8], index: Int, to buffer: inout ByteBuffer) {
        buffer.append(prefix)
        buffer.append("IM")
        buffer.append(index + 1, width: 5)
        buffer.append(".dcm")
    }

    func appendStudyUID(uidStudy: Int32, to buffer: inout ByteBuffer) {
        buffer.append(Self.uidRoot)
        buffer.append("1.")
        buffer.append(uidTag)
        buffer.append(byte: 46)
        buffer.append(Int(uidStudy) + 1)
    }

    func appendSeriesUID(uidStudy: Int32, number: UInt16, to buffer: inout ByteBuffer) {
        buffer.append(Self.uidRoot)
        buffer.append("2.")
        buffer.append(uidTag)
        buffer.append(byte: 46)
        buffer.append(Int(uidStudy) + 1)
        buffer.append(byte: 46)
        buffer.append(Int(number))
    }

    func appendSOPInstanceUID(uidStudy: Int32, number: UInt16, index: Int, to buffer: inout ByteBuffer) {
        buffer.append(Self.uidRoot)
        buffer.append("3.")
        buffer.append(uidTag)
        buffer.append(byte: 46)
        buffer.append(Int(uidStudy) + 1)
        buffer.append(byte: 46)
        buffer.append(Int(number))
        buffer.append(byte: 46)
        buffer.append(index + 1)
    }

    /// One image set per study; a re-sent study lands in its own (non-primary) image set.
    func imageSetId(study: Int) -> String { DemoIdentifiers.hex32(seed, .imageSet, study) }
}
