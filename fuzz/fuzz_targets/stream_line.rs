//! Any text as a line of the `detect --jsonl` stream: one line of JSON out, an object carrying
//! either detections or the input line's number and an error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(line) = std::str::from_utf8(data) else { return };
    let out = sayso::stream::line_output(7, line);
    assert_eq!(out.iter().filter(|b| **b == b'\n').count(), 1, "one line");
    assert!(out.ends_with(b"\n"));
    let v: serde_json::Value = serde_json::from_slice(&out).expect("JSON");
    assert!(v.get("quotes").is_some() || (v["line"] == 7 && v["error"].is_string()), "{v}");
});
