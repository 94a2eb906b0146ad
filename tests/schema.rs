//! Every fixture's JSON Resume is valid under both vendored schemas: the original v1.0.0
//! (npm `resume-schema`, strict at the top level) and the current `@jsonresume/schema`.

use serde_json::Value;

fn validator(file: &str) -> jsonschema::Validator {
    let text =
        std::fs::read_to_string(crate::common::root().join("tests/schemas").join(file)).unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap()
}

#[test]
fn fixture_resumes_are_valid() {
    let validators = [
        validator("resume-schema-1.0.0.json"),
        validator("jsonresume-schema-current.json"),
    ];
    for p in crate::common::documents() {
        let out = crate::common::convert(&p);
        let v: Value = serde_json::from_str(&out.resume).unwrap();
        for val in &validators {
            let errors: Vec<String> = val
                .iter_errors(&v)
                .map(|e| format!("{}: {e}", e.instance_path()))
                .collect();
            assert!(errors.is_empty(), "{}: {errors:#?}", p.display());
        }
    }
}

#[test]
fn unknown_top_level_key_is_caught() {
    let strict = validator("resume-schema-1.0.0.json");
    let v: Value = serde_json::from_str(r#"{"talks": []}"#).unwrap();
    assert!(!strict.is_valid(&v));
}
