//! `sock can isotp send|recv IFACE TX RX`: isotpsend and isotprecv. Data is hex bytes: read
//! from standard input as isotpsend reads it (`11 22 33`, `0x11`, also `112233`), printed as
//! isotprecv prints it (`11 22 33 ` and a newline: upper case, a space after each byte).
//!
//! Ids are hex as the can-utils take them (`7E0`, `0x7e0`); more than 7 digits, or a value
//! above 7FF, is a 29-bit id. TX is the id this side sends on (`-s` of isotpsend/isotprecv),
//! RX the one it receives on (`-d`). Note: sock-can's `IsoTpAddr` text form is the kernel's
//! order, `iface:rx:tx`; the command line and the `isotp:` endpoint use can-utils' order.

use std::io::{self, Read, Write};

use clap::{Args, Subcommand};
use sock::can::consts::{
    CAN_EFF_FLAG, CAN_EFF_MASK, CAN_ISOTP_CHK_PAD_DATA, CAN_ISOTP_CHK_PAD_LEN, CAN_ISOTP_EXTEND_ADDR,
    CAN_ISOTP_FORCE_TXSTMIN, CAN_ISOTP_FRAME_TXTIME_ZERO, CAN_ISOTP_RX_EXT_ADDR, CAN_ISOTP_RX_PADDING,
    CAN_ISOTP_TX_PADDING, CAN_ISOTP_WAIT_TX_DONE, CAN_SFF_MASK,
};
use sock::can::{IsoTpFcOptions, IsoTpLlOptions, IsoTpOptions, IsoTpSocket};

use crate::{context, invalid, Io};

pub(crate) const EXAMPLES: &str = "\
TX is the id this side sends on (isotpsend/isotprecv -s), RX the id it receives on (-d);
hex, more than 7 digits or above 7FF for a 29-bit id. Data: hex bytes on stdin (send), one
line per message on stdout, isotprecv's format (recv).

Examples:
  echo 11 22 33 | sock can isotp send vcan0 7E0 7E8
  sock can isotp recv vcan0 7E8 7E0            # prints `11 22 33 ` once, then exits
  sock can isotp recv vcan0 -s 7E8 -d 7E0 -l   # every message, until interrupted
  sock can isotp send vcan0 7E0 7E8 -p CC:CC -x 55 < request.hex
  sock can isotp recv vcan0 7E8 7E0 -b 4 -m 0A   # flow control: 4 frames per block, 10 ms apart";

/// `sock can isotp ...`.
#[derive(Subcommand, Debug)]
pub(crate) enum IsoTpCmd {
    /// Send one message (hex bytes on stdin), like isotpsend.
    #[command(after_help = EXAMPLES)]
    Send(IsoTpArgs),
    /// Receive a message and print it in hex, like isotprecv (-l: every message).
    #[command(after_help = EXAMPLES)]
    Recv(IsoTpArgs),
}

/// The address and options shared by send and recv.
#[derive(Args, Debug)]
pub(crate) struct IsoTpArgs {
    /// The interface.
    iface: String,
    /// The id this side sends on (or -s).
    #[arg(required_unless_present = "src", conflicts_with = "src")]
    tx: Option<String>,
    /// The id this side receives on (or -d).
    #[arg(required_unless_present = "dst", conflicts_with = "dst")]
    rx: Option<String>,
    /// The id this side sends on (isotpsend's -s).
    #[arg(short = 's', value_name = "ID")]
    src: Option<String>,
    /// The id this side receives on (isotpsend's -d).
    #[arg(short = 'd', value_name = "ID")]
    dst: Option<String>,
    /// Extended addressing: the address byte sent, and optionally the one received (hex).
    #[arg(short = 'x', value_name = "EXT[:RXEXT]")]
    ext: Option<String>,
    /// Padding: the byte sent frames are padded with, and optionally the one expected (hex).
    #[arg(short = 'p', value_name = "[TX]:[RX]")]
    pad: Option<String>,
    /// Padding check of received frames: l (length), c (content), a (both) (-P of the
    /// can-utils).
    #[arg(short = 'P', value_name = "l|c|a")]
    pad_check: Option<String>,
    /// Flow control this side sends: block size, consecutive frames between flow controls (0:
    /// no limit; isotprecv's -b).
    #[arg(short = 'b', value_name = "BS")]
    block_size: Option<u8>,
    /// Flow control this side sends: STmin, hex as on the wire: 00..7F milliseconds, F1..F9
    /// 100..900 µs (isotprecv's -m).
    #[arg(short = 'm', value_name = "STMIN")]
    stmin: Option<String>,
    /// Send consecutive frames at least NS nanoseconds apart, whatever the receiver's flow
    /// control asks (isotpsend's -f).
    #[arg(short = 'f', value_name = "NS")]
    force_tx_stmin: Option<u32>,
    /// Frame transmit time (N_As) in nanoseconds; 0 means really zero, not the kernel's default
    /// (the can-utils' -t).
    #[arg(short = 't', value_name = "NS")]
    frame_txtime: Option<u32>,
    /// CAN FD frames of up to 64 bytes.
    #[arg(long)]
    fd: bool,
    /// recv: print every message until interrupted (isotprecv's -l).
    #[arg(short = 'l')]
    repeat: bool,
}

/// The socket settings of an ISO-TP address: ids and options.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct IsoTpSetup {
    /// The raw transmit id (with `CAN_EFF_FLAG` for 29 bits).
    pub tx: u32,
    /// The raw receive id.
    pub rx: u32,
    /// `CAN_ISOTP_OPTS`.
    pub opts: IsoTpOptions,
    /// CAN FD link layer.
    pub fd: bool,
    /// `CAN_ISOTP_RECV_FC`: the flow control this side sends (kernel default if `None`).
    pub fc: Option<IsoTpFcOptions>,
    /// `CAN_ISOTP_TX_STMIN` in nanoseconds (with `CAN_ISOTP_FORCE_TXSTMIN` in the flags).
    pub tx_stmin: Option<u32>,
}

/// A CAN id as the can-utils take it: hex, optional `0x`; 8 digits or above 7FF is extended.
pub(crate) fn parse_id(text: &str, what: &str) -> io::Result<u32> {
    let digits = text.strip_prefix("0x").or_else(|| text.strip_prefix("0X")).unwrap_or(text);
    let v = u32::from_str_radix(digits, 16).map_err(|_| invalid(what, format!("bad CAN id {text:?} (hex)")))?;
    if v > CAN_EFF_MASK {
        return Err(invalid(what, format!("CAN id {text:?} has more than 29 bits")));
    }
    Ok(if v > CAN_SFF_MASK || digits.len() > 7 { v | CAN_EFF_FLAG } else { v })
}

fn hex_byte(text: &str, what: &str) -> io::Result<u8> {
    let digits = text.strip_prefix("0x").or_else(|| text.strip_prefix("0X")).unwrap_or(text);
    u8::from_str_radix(digits, 16).map_err(|_| invalid(what, format!("bad hex byte {text:?}")))
}

/// Hex bytes as isotpsend reads them: separated by white space, each `11` or `0x11`; a word
/// of more digits (`112233`) is several bytes.
pub(crate) fn parse_hex(text: &str, what: &str) -> io::Result<Vec<u8>> {
    let mut out = Vec::new();
    for word in text.split_whitespace() {
        let digits = word.strip_prefix("0x").or_else(|| word.strip_prefix("0X")).unwrap_or(word);
        if digits.len() <= 2 {
            out.push(hex_byte(word, what)?);
        } else if digits.len() % 2 == 0 {
            for i in (0..digits.len()).step_by(2) {
                out.push(hex_byte(digits.get(i..i + 2).unwrap_or("?"), what)?);
            }
        } else {
            return Err(invalid(what, format!("bad hex bytes {word:?} (an odd number of digits)")));
        }
    }
    Ok(out)
}

/// isotprecv's line: `11 22 33 ` (upper case, a space after each byte).
pub(crate) fn hex_line(data: &[u8]) -> String {
    data.iter().map(|b| format!("{b:02X} ")).collect()
}

impl IsoTpArgs {
    fn setup(&self) -> io::Result<IsoTpSetup> {
        let tx = self.tx.as_deref().or(self.src.as_deref()).unwrap_or_default();
        let rx = self.rx.as_deref().or(self.dst.as_deref()).unwrap_or_default();
        let mut setup =
            IsoTpSetup { tx: parse_id(tx, "TX")?, rx: parse_id(rx, "RX")?, fd: self.fd, ..Default::default() };
        if let Some(ext) = &self.ext {
            let (tx_ext, rx_ext) = ext.split_once(':').map_or((ext.as_str(), None), |(a, b)| (a, Some(b)));
            setup.opts.flags |= CAN_ISOTP_EXTEND_ADDR;
            setup.opts.ext_address = hex_byte(tx_ext, "-x")?;
            if let Some(r) = rx_ext {
                setup.opts.flags |= CAN_ISOTP_RX_EXT_ADDR;
                setup.opts.rx_ext_address = hex_byte(r, "-x")?;
            }
        }
        if let Some(pad) = &self.pad {
            let (t, r) = pad.split_once(':').unwrap_or((pad.as_str(), ""));
            if !t.is_empty() {
                setup.opts.flags |= CAN_ISOTP_TX_PADDING;
                setup.opts.txpad_content = hex_byte(t, "-p")?;
            }
            if !r.is_empty() {
                setup.opts.flags |= CAN_ISOTP_RX_PADDING;
                setup.opts.rxpad_content = hex_byte(r, "-p")?;
            }
        }
        if let Some(mode) = &self.pad_check {
            setup.opts.flags |= match mode.as_str() {
                "l" => CAN_ISOTP_CHK_PAD_LEN,
                "c" => CAN_ISOTP_CHK_PAD_DATA,
                "a" => CAN_ISOTP_CHK_PAD_LEN | CAN_ISOTP_CHK_PAD_DATA,
                _ => return Err(invalid("-P", format!("bad padding check {mode:?} (l, c or a)"))),
            };
        }
        if self.block_size.is_some() || self.stmin.is_some() {
            let stmin = self.stmin.as_deref().map(|m| hex_byte(m, "-m")).transpose()?.unwrap_or(0);
            if !(stmin <= 0x7f || (0xf1..=0xf9).contains(&stmin)) {
                return Err(invalid("-m", format!("STmin {stmin:02X} is reserved (00..7F ms, F1..F9 µs)")));
            }
            setup.fc = Some(IsoTpFcOptions { bs: self.block_size.unwrap_or(0), stmin, wftmax: 0 });
        }
        if let Some(ns) = self.force_tx_stmin {
            setup.opts.flags |= CAN_ISOTP_FORCE_TXSTMIN;
            setup.tx_stmin = Some(ns);
        }
        if let Some(ns) = self.frame_txtime {
            setup.opts.frame_txtime = if ns == 0 { CAN_ISOTP_FRAME_TXTIME_ZERO } else { ns };
        }
        Ok(setup)
    }

    fn name(&self) -> String {
        let tx = self.tx.as_deref().or(self.src.as_deref()).unwrap_or_default();
        let rx = self.rx.as_deref().or(self.dst.as_deref()).unwrap_or_default();
        format!("isotp:{}:{tx}:{rx}", self.iface)
    }
}

/// Opens an ISO-TP socket on `iface` with `setup` (the caller names the endpoint in errors).
pub(crate) fn open(iface: &str, setup: &IsoTpSetup) -> io::Result<IsoTpSocket> {
    let sock = IsoTpSocket::new()?;
    sock.set_opts(&setup.opts)?;
    if let Some(fc) = &setup.fc {
        sock.set_recv_fc(fc)?;
    }
    if let Some(ns) = setup.tx_stmin {
        sock.set_tx_stmin(ns)?;
    }
    if setup.fd {
        sock.set_ll_opts(&IsoTpLlOptions::can_fd(64)?)?;
    }
    sock.bind((iface, setup.rx, setup.tx))?;
    Ok(sock)
}

/// Runs `sock can isotp send|recv`.
pub(crate) fn run(cmd: IsoTpCmd, io: &mut Io) -> io::Result<()> {
    match cmd {
        IsoTpCmd::Send(args) => {
            let name = args.name();
            let mut setup = args.setup()?;
            // Report a transfer that fails (no flow control from a receiver) as an error.
            setup.opts.flags |= CAN_ISOTP_WAIT_TX_DONE;
            let mut text = String::new();
            io.stdin.read_to_string(&mut text).map_err(|e| context("stdin", e))?;
            let data = parse_hex(&text, "stdin")?;
            if data.is_empty() {
                return Err(invalid("stdin", "no data bytes to send"));
            }
            let sock = open(&args.iface, &setup).map_err(|e| context(&name, e))?;
            sock.send(&data).map_err(|e| context(format!("{name}: send"), e))?;
            Ok(())
        }
        IsoTpCmd::Recv(args) => {
            let name = args.name();
            let sock = open(&args.iface, &args.setup()?).map_err(|e| context(&name, e))?;
            io.notify(format!("bound {name}"));
            loop {
                let data = sock.recv_vec().map_err(|e| context(format!("{name}: recv"), e))?;
                writeln!(io.stdout, "{}", hex_line(&data))?;
                io.stdout.flush()?;
                if !args.repeat {
                    return Ok(());
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn can_utils_forms() {
        assert_eq!(parse_id("7e0", "TX").unwrap(), 0x7e0);
        assert_eq!(parse_id("0x123", "TX").unwrap(), 0x123);
        assert_eq!(parse_id("18DA10F1", "TX").unwrap(), 0x18da_10f1 | CAN_EFF_FLAG);
        assert_eq!(parse_id("00000123", "TX").unwrap(), 0x123 | CAN_EFF_FLAG);
        assert!(parse_id("zz", "TX").unwrap_err().to_string().starts_with("TX: "));
        assert!(parse_id("3FFFFFFF", "RX").is_err());
        assert_eq!(parse_hex("11 22\n0x33 aabb\n", "stdin").unwrap(), [0x11, 0x22, 0x33, 0xaa, 0xbb]);
        assert!(parse_hex("1 2 abc", "stdin").unwrap_err().to_string().starts_with("stdin: "));
        assert_eq!(hex_line(&[0x11, 0xab]), "11 AB ");
    }

    #[derive(clap::Parser)]
    struct T {
        #[command(flatten)]
        args: IsoTpArgs,
    }

    fn setup(line: &str) -> io::Result<IsoTpSetup> {
        use clap::Parser;
        T::try_parse_from(std::iter::once("isotp").chain(line.split_whitespace())).unwrap().args.setup()
    }

    #[test]
    fn flow_control_and_timing_options() {
        let s = setup("vcan0 7E8 7E0 -b 4 -m F3").unwrap();
        assert_eq!(s.fc, Some(IsoTpFcOptions { bs: 4, stmin: 0xf3, wftmax: 0 }));
        assert_eq!(setup("vcan0 7E8 7E0 -m 0A").unwrap().fc, Some(IsoTpFcOptions { bs: 0, stmin: 10, wftmax: 0 }));
        assert_eq!(setup("vcan0 7E8 7E0").unwrap().fc, None);
        let s = setup("vcan0 7E8 7E0 -f 500000 -t 0 -P a").unwrap();
        assert_eq!(s.tx_stmin, Some(500_000));
        assert_eq!(s.opts.frame_txtime, CAN_ISOTP_FRAME_TXTIME_ZERO);
        let want = CAN_ISOTP_FORCE_TXSTMIN | CAN_ISOTP_CHK_PAD_LEN | CAN_ISOTP_CHK_PAD_DATA;
        assert_eq!(s.opts.flags & want, want);
        for (line, what) in [("vcan0 1 2 -m 80", "-m"), ("vcan0 1 2 -m zz", "-m"), ("vcan0 1 2 -P x", "-P")] {
            let e = setup(line).unwrap_err();
            assert!(e.to_string().starts_with(&format!("{what}: ")), "{line}: {e}");
        }
    }
}
