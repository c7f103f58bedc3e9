//! `sock can j1939 send|recv`: a J1939 exchange in testj1939's spirit, with sock-can's
//! `J1939Addr` text form `IFACE:NAME:PGN:ADDR` for addresses (numbers decimal or `0x` hex). An
//! empty field means "none" (`J1939_NO_NAME`, `J1939_NO_PGN`, `J1939_NO_ADDR`), so
//! `vcan0:::0x80` is static address 0x80 and `:0x0:0x12300:0x90` (what `J1939Addr::to` shows)
//! a destination. Received packets print as testj1939 -r prints them: `80 12300: 01 23 45`.

use std::io::{self, Read, Write};

use clap::{Args, Subcommand};
use sock::can::consts::{J1939_NO_ADDR, J1939_NO_NAME, J1939_NO_PGN};
use sock::can::{J1939Addr, J1939Socket};

use super::isotp::parse_hex;
use crate::{context, invalid, Io};

pub(crate) const EXAMPLES: &str = "\
Addresses: IFACE:NAME:PGN:ADDR, numbers decimal or 0x hex, an empty field for none:
  vcan0:::0x80          static address 0x80 on vcan0 (no name, any PGN)
  vcan0::0x12300:0x80   the same, receiving only PGN 0x12300
  :0x0:0x12300:0x90     a destination: PGN 0x12300 to address 0x90 (the interface is LOCAL's)
A destination address of 0xff (or empty) is a broadcast.

Examples:
  echo 01 02 03 | sock can j1939 send vcan0:::0x80 :0x0:0x12300:0x90
  sock can j1939 recv vcan0:::0x90                  # prints `80 12300: 01 02 03`
  sock can j1939 recv vcan0::0x12300: -n 10 -P      # promiscuous: every packet of the PGN
  testj1939 -s vcan0:0x80 vcan0:0x90,0x12300        # the same exchange with can-utils";

/// `sock can j1939 ...`.
#[derive(Subcommand, Debug)]
pub(crate) enum J1939Cmd {
    /// Send one packet (hex bytes on stdin) from LOCAL to DEST.
    #[command(after_help = EXAMPLES)]
    Send(SendArgs),
    /// Receive packets on LOCAL and print them as testj1939 -r does.
    #[command(after_help = EXAMPLES)]
    Recv(RecvArgs),
}

/// Arguments of `sock can j1939 send`.
#[derive(Args, Debug)]
pub(crate) struct SendArgs {
    /// The local address IFACE:NAME:PGN:ADDR.
    local: String,
    /// The destination [IFACE]:NAME:PGN:ADDR.
    dest: String,
    /// The priority (0..=7).
    #[arg(short = 'p', value_name = "PRIO")]
    prio: Option<u8>,
}

/// Arguments of `sock can j1939 recv`.
#[derive(Args, Debug)]
pub(crate) struct RecvArgs {
    /// The local address IFACE:NAME:PGN:ADDR.
    local: String,
    /// Exit after COUNT packets.
    #[arg(short = 'n', long = "count", value_name = "COUNT")]
    count: Option<u64>,
    /// Promiscuous: every packet on the bus, not only those to LOCAL.
    #[arg(short = 'P')]
    promisc: bool,
    /// Also receive broadcasts.
    #[arg(short = 'B')]
    broadcast: bool,
}

/// `IFACE:NAME:PGN:ADDR` with empty fields for "none", as a `J1939Addr` (whose text form this
/// is, once the empty fields are filled in).
pub(crate) fn parse_addr(text: &str, what: &str) -> io::Result<J1939Addr> {
    let fields: Vec<&str> = text.split(':').collect();
    let [iface, name, pgn, addr] = fields[..] else {
        return Err(invalid(what, format!("{text:?}: expected IFACE:NAME:PGN:ADDR (empty fields for none)")));
    };
    let or = |field: &str, none: String| if field.is_empty() { none } else { field.to_string() };
    let full = format!(
        "{iface}:{}:{}:{}",
        or(name, J1939_NO_NAME.to_string()),
        or(pgn, J1939_NO_PGN.to_string()),
        or(addr, J1939_NO_ADDR.to_string())
    );
    full.parse::<J1939Addr>().map_err(|e| invalid(what, e))
}

/// A J1939 socket bound to `local` (the caller names the endpoint in errors).
pub(crate) fn bind(local: &J1939Addr) -> io::Result<J1939Socket> {
    let sock = J1939Socket::new()?;
    sock.bind(*local)?;
    Ok(sock)
}

/// testj1939 -r's line: `80 12300: 01 02 03`.
pub(crate) fn recv_line(addr: u8, pgn: u32, data: &[u8]) -> String {
    let mut line = format!("{addr:02x} {pgn:05x}:");
    for b in data {
        line.push_str(&format!(" {b:02x}"));
    }
    line
}

/// Runs `sock can j1939 send|recv`.
pub(crate) fn run(cmd: J1939Cmd, io: &mut Io) -> io::Result<()> {
    match cmd {
        J1939Cmd::Send(args) => {
            let local = parse_addr(&args.local, "LOCAL")?;
            let mut dest = parse_addr(&args.dest, "DEST")?;
            if dest.pgn == J1939_NO_PGN {
                return Err(invalid("DEST", format!("{}: a destination needs a PGN", args.dest)));
            }
            if args.prio.is_some_and(|p| p > 7) {
                return Err(invalid("-p", "a priority is 0..=7"));
            }
            let mut text = String::new();
            io.stdin.read_to_string(&mut text).map_err(|e| context("stdin", e))?;
            let data = parse_hex(&text, "stdin")?;
            let name = format!("j1939:{}", args.local);
            let on = |e| context(&name, e);
            let sock = bind(&local).map_err(on)?;
            if dest.addr == J1939_NO_ADDR {
                sock.set_broadcast(true).map_err(on)?;
            }
            if let Some(p) = args.prio {
                sock.set_send_prio(p).map_err(on)?;
            }
            // The interface is the bound one.
            dest.interface = J1939Addr::default().interface;
            sock.send_to(&data, dest).map_err(|e| context(format!("{name}: send to {}", args.dest), e))?;
            Ok(())
        }
        J1939Cmd::Recv(args) => {
            let local = parse_addr(&args.local, "LOCAL")?;
            let name = format!("j1939:{}", args.local);
            let on = |e| context(&name, e);
            let sock = J1939Socket::new().map_err(on)?;
            if args.promisc {
                sock.set_promisc(true).map_err(on)?;
            }
            if args.broadcast {
                sock.set_broadcast(true).map_err(on)?;
            }
            sock.bind(local).map_err(on)?;
            io.notify(format!("bound {name}"));
            let mut buf = vec![0u8; 1785 * 255];
            let mut seen = 0u64;
            while args.count.is_none_or(|c| seen < c) {
                let got = sock.recv(&mut buf).map_err(|e| context(format!("{name}: recv"), e))?;
                let n = got.len.min(buf.len());
                writeln!(io.stdout, "{}", recv_line(got.source.addr, got.source.pgn, &buf[..n]))?;
                io.stdout.flush()?;
                seen += 1;
            }
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_in_j1939addr_form() {
        let a = parse_addr("vcan0:::0x80", "LOCAL").unwrap();
        assert_eq!((a.name, a.pgn, a.addr), (J1939_NO_NAME, J1939_NO_PGN, 0x80));
        let d = parse_addr(":0x0:0x12300:0x90", "DEST").unwrap();
        assert_eq!(d, J1939Addr::to(0x12300, 0x90));
        assert_eq!(parse_addr(&d.to_string(), "DEST").unwrap(), d);
        let full = parse_addr("vcan0:0x1122334455667788:0x12300:144", "LOCAL").unwrap();
        assert_eq!(full.to_string(), "vcan0:0x1122334455667788:0x12300:0x90");
        for bad in ["vcan0:0x80", "vcan0:::0x100", "vcan0::zz:1"] {
            assert!(parse_addr(bad, "LOCAL").unwrap_err().to_string().starts_with("LOCAL: "), "{bad}");
        }
        assert_eq!(recv_line(0x80, 0x12300, &[1, 0x23, 0xef]), "80 12300: 01 23 ef");
    }
}
