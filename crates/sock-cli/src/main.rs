//! The `sock` binary: see the `sock_cli` library for the commands.

fn main() -> std::process::ExitCode {
    std::process::ExitCode::from(sock_cli::run(std::env::args_os(), &mut sock_cli::Io::std()))
}
