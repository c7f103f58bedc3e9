//! The command line: clap's definition and the dispatch to each subcommand.

use std::ffi::OsString;
use std::io::{self, Write};

use clap::{CommandFactory, Parser, Subcommand};

use crate::{bench, can, hash, ifaces, relay, resolve, sniff, tour, Io};

const EXAMPLES: &str = "\
Examples:
  sock cat - tcp:127.0.0.1:8080
  sock cat tcp-listen:9000,reuseaddr,fork unix:/run/app.sock
  sock can send vcan0 123#DEADBEEF
  sock can dump vcan0,123:7FF -t a
  sock hash sha256 /etc/hostname
  sock resolve localhost 80
  sock ifaces
  sock sniff lo --count 4
  sock tour";

/// Sockets of every address family from the command line: socat-style relays and
/// can-utils-style tools.
#[derive(Parser, Debug)]
#[command(name = "sock", version, after_help = EXAMPLES)]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand, Debug)]
enum Cmd {
    /// Relay bytes both ways between two endpoints (socat-style).
    #[command(after_help = relay::EXAMPLES)]
    Cat(relay::CatArgs),
    /// CAN tools: send and dump frames (cansend/candump-style).
    #[command(subcommand)]
    Can(can::CanCmd),
    /// Hash files with the kernel's crypto API (AF_ALG), printed like sha256sum.
    #[command(after_help = hash::EXAMPLES)]
    Hash(hash::HashArgs),
    /// Resolve a name with getaddrinfo (or an address with getnameinfo).
    #[command(after_help = resolve::EXAMPLES)]
    Resolve(resolve::ResolveArgs),
    /// List interfaces and their addresses (rtnetlink), like `ip -br addr`.
    #[command(after_help = ifaces::EXAMPLES)]
    Ifaces(ifaces::IfacesArgs),
    /// Capture frames on an interface (AF_PACKET), one line per frame.
    #[command(after_help = sniff::EXAMPLES)]
    Sniff(sniff::SniffArgs),
    /// Try each address family on this kernel and print a table.
    Tour,
    /// Loopback throughput of TCP and UDP.
    #[command(after_help = "Example:\n  sock bench --mib 64")]
    Bench(bench::BenchArgs),
    /// Print a shell completion script.
    #[command(after_help = "Example:\n  sock completions bash > /etc/bash_completion.d/sock")]
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
}

fn dispatch(cmd: Cmd, io: &mut Io) -> io::Result<()> {
    match cmd {
        Cmd::Cat(args) => relay::run(args, io),
        Cmd::Can(cmd) => can::run(cmd, io),
        Cmd::Hash(args) => hash::run(args, io),
        Cmd::Resolve(args) => resolve::run(args, io),
        Cmd::Ifaces(args) => ifaces::run(args, io),
        Cmd::Sniff(args) => sniff::run(args, io),
        Cmd::Tour => tour::run(io),
        Cmd::Bench(args) => bench::run(args, io),
        Cmd::Completions { shell } => {
            // Into memory first: clap_complete panics on a failed write.
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "sock", &mut script);
            io.stdout.write_all(&script)
        }
    }
}

/// See [`crate::run`].
pub(crate) fn run<I, T>(args: I, io: &mut Io) -> u8
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let text = e.render().to_string();
            return if e.use_stderr() {
                let _ = write!(io.stderr, "{text}");
                2
            } else {
                let _ = write!(io.stdout, "{text}");
                0
            };
        }
    };
    match dispatch(cli.cmd, io) {
        Ok(()) => {
            let _ = io.stdout.flush();
            0
        }
        // Standard output closed by its reader (`sock can dump vcan0 | head -3`): a normal end,
        // as it is for can-utils (they die of SIGPIPE, which Rust programs ignore).
        Err(e) if e.raw_os_error() == Some(nix::libc::EPIPE) => 0,
        Err(e) => {
            let _ = io.stdout.flush();
            let _ = writeln!(io.stderr, "sock: {e}");
            1
        }
    }
}
