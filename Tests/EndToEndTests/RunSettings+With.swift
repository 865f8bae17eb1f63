import PipelineConfig

extension RunSettings {
    /// These settings with the table's setting at `path` given as `value`: a run's settings
    /// written as the tests' expectations and configurations.
    func with<Value, Resolved>(_ path: KeyPath<RunSettingTable, RunSetting<Value, Resolved>>, _ value: Value) -> RunSettings {
        var settings = self
        settings[path] = value
        return settings
    }
}
