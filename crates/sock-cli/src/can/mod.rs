//! `sock can ...`: can-utils-style tools (`send` like cansend, `dump` like candump).

use std::io;

use clap::Subcommand;

use crate::Io;

pub(crate) mod dump;
pub(crate) mod send;
pub(crate) mod text;

/// The CAN subcommands.
#[derive(Subcommand, Debug)]
pub(crate) enum CanCmd {
    /// Send frames given in cansend syntax (like can-utils' cansend, several at once).
    #[command(after_help = send::EXAMPLES)]
    Send(send::SendArgs),
    /// Print the frames on one or more interfaces, in candump's formats.
    #[command(after_help = dump::EXAMPLES)]
    Dump(dump::DumpArgs),
}

/// Runs a CAN subcommand.
pub(crate) fn run(cmd: CanCmd, io: &mut Io) -> io::Result<()> {
    match cmd {
        CanCmd::Send(args) => send::run(args),
        CanCmd::Dump(args) => dump::run(args, io),
    }
}
