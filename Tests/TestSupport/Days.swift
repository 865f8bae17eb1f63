import PipelineModel

extension Day {
    /// The date `year`-`month`-`day`, which a test knows to be real.
    package static func on(_ year: Int, _ month: Int, _ day: Int) -> Day {
        guard let value = Day(year: year, month: month, day: day) else {
            preconditionFailure("\(year)-\(month)-\(day) is not a date")
        }
        return value
    }
}

extension ReportingYear {
    /// The reporting year with that label (`2019-20`), which a test knows to be valid.
    package static func labelled(_ label: String) -> ReportingYear {
        guard let value = ReportingYear(label: label) else { preconditionFailure("\(label) is not a reporting year") }
        return value
    }
}
