//! `sock can ...`: can-utils-style tools (`send` like cansend, `dump` like candump, `gen` like
//! cangen, `check` for sequence numbers, `isotp` like isotpsend/isotprecv, `j1939` like
//! testj1939, `bcm` for cyclic sends).

use std::io;

use clap::Subcommand;

use crate::Io;

pub(crate) mod bcm;
pub(crate) mod check;
pub(crate) mod dump;
pub(crate) mod gen;
pub(crate) mod isotp;
pub(crate) mod j1939;
pub(crate) mod rng;
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
    /// Generate frames like cangen: exactly N (-n), reproducible (--seed), numbered (--seq).
    #[command(after_help = gen::EXAMPLES)]
    Gen(gen::GenArgs),
    /// Read numbered frames (gen --seq) and report lost, duplicated and reordered ones.
    #[command(after_help = check::EXAMPLES)]
    Check(check::CheckArgs),
    /// ISO-TP (ISO 15765-2) messages: send and receive like isotpsend/isotprecv.
    #[command(subcommand)]
    Isotp(isotp::IsoTpCmd),
    /// SAE J1939 packets: send and receive like testj1939.
    #[command(subcommand)]
    J1939(j1939::J1939Cmd),
    /// Send a frame cyclically with the broadcast manager (CAN_BCM TX_SETUP).
    #[command(after_help = bcm::EXAMPLES)]
    Bcm(bcm::BcmArgs),
}

/// Runs a CAN subcommand.
pub(crate) fn run(cmd: CanCmd, io: &mut Io) -> io::Result<()> {
    match cmd {
        CanCmd::Send(args) => send::run(args),
        CanCmd::Dump(args) => dump::run(args, io),
        CanCmd::Gen(args) => gen::run(args, io),
        CanCmd::Check(args) => check::run(args, io),
        CanCmd::Isotp(cmd) => isotp::run(cmd, io),
        CanCmd::J1939(cmd) => j1939::run(cmd, io),
        CanCmd::Bcm(args) => bcm::run(args, io),
    }
}
