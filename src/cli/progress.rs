//! What a batch shows on stderr: a progress bar (only on a terminal, so logs and pipes get
//! clean lines), per-file messages printed above it, and the one-line summary.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

pub struct Progress {
    bar: Option<ProgressBar>,
}

impl Progress {
    /// A bar over `total` inputs when stderr is a terminal; nothing otherwise.
    pub fn new(total: usize) -> Self {
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = ProgressBar::with_draw_target(
                Some(total as u64),
                ProgressDrawTarget::stderr_with_hz(8),
            );
            if let Ok(style) = ProgressStyle::with_template(
                "{bar:40} {human_pos}/{human_len} files  {rate}  eta {eta}",
            ) {
                bar.set_style(style.with_key(
                    "rate",
                    |s: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                        let _ = write!(w, "{:.0}/s", s.per_sec());
                    },
                ));
            }
            bar
        });
        Progress { bar }
    }

    /// Print a message line on stderr without tearing the bar.
    pub fn message(&self, line: &str) {
        match &self.bar {
            Some(bar) => bar.suspend(|| eprintln!("{line}")),
            None => eprintln!("{line}"),
        }
    }

    pub fn inc(&self) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
        }
    }

    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// `converted 9,812 of 9,815 files; 3 failed`
pub fn summary(total: usize, failed: usize) -> String {
    let noun = if total == 1 { "file" } else { "files" };
    format!(
        "converted {} of {} {noun}; {} failed",
        thousands((total - failed.min(total)) as u64),
        thousands(total as u64),
        thousands(failed as u64)
    )
}

/// `9815` → `9,815`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(9_815), "9,815");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn summary_line() {
        assert_eq!(
            summary(9_815, 3),
            "converted 9,812 of 9,815 files; 3 failed"
        );
        assert_eq!(summary(1, 0), "converted 1 of 1 file; 0 failed");
    }
}
