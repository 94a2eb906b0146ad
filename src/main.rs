//! `vitae` binary: thin wrapper over `vitae::cli`.

fn main() {
    std::process::exit(vitae::cli::run());
}
