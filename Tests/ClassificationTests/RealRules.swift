import PipelineConfig
import PipelineModel
import TestSupport

/// The analyst's rule tables as the package ships them (`pipelines/rules/*.yaml`).
enum RealRules {
    static func load() throws -> ClassificationRules {
        try RuleTableLoader.load(decisions: PackagePaths.decisionRules, serviceAreas: PackagePaths.serviceAreaRules,
                                 remedies: PackagePaths.remedyRules)
    }
}
