//! `sock can gen IFACE`: cangen's generation modes, plus exactly N frames (`-n`), a seed for
//! reproducible random frames (`--seed`), sequence numbers in the payload (`--seq`), and a
//! receiver mode (`--check`, the same as `sock can check`).
//!
//! Random values come from [`Rng`] (SplitMix64), not from libc's `random()`: the same
//! `--seed` gives the same frames everywhere, but not the frames cangen would give.

use std::io::{self, Write};
use std::os::fd::AsFd;
use std::time::{Duration, Instant, SystemTime};

use clap::Args;
use nix::poll::{poll, PollFd, PollFlags, PollTimeout};
use sock::can::consts::{CANFD_BRS, CANFD_ESI, CAN_EFF_FLAG, CAN_EFF_MASK, CAN_RTR_FLAG, CAN_SFF_MASK};
use sock::can::{can_fd_dlc_to_len, can_fd_len_to_dlc, CanId, CanSocket, ClassicFrame, FdFrame, Frame};

use super::check::{self, CheckArgs};
use super::rng::Rng;
use super::text::{compact, View};
use crate::{context, invalid, Io};

pub(crate) const EXAMPLES: &str = "\
Modes of -I (id), -L (length) and -D (data), as cangen's:
  r        random (default)          i        increment (from 0)
  e, o     random even / odd id      <value>  fixed: hex for -I and -D, decimal for -L
An -I value of more than 3 hex digits (or above 7FF) is an extended id.

--seq puts a 32-bit little-endian counter (from 0) in the first 4 bytes of every frame
(lengths below 4 become 4); `sock can check` on the receiving side counts what was lost,
duplicated or reordered. cangen -D i -L 8 writes the same counter, so check reads it too.

Examples:
  sock can gen vcan0                                  # cangen's default: random, every 200 ms
  sock can gen vcan0 -g 4 -I 42A -L 1 -D i -n 10
  sock can gen vcan0 -g 0 -n 1000 --seed 7 -f        # the same 1000 CAN FD frames every time
  sock can gen vcan0 -g 1 -n 100 -I 123 -L 8 --seq    # then: sock can check vcan0,123:7FF
  sock can gen --check vcan0,123:7FF --expect 100     # the receiving side (= sock can check)";

/// Arguments of `sock can gen`.
#[derive(Args, Debug)]
pub(crate) struct GenArgs {
    /// The interface (with --check: IFACE[,FILTER]..., candump's filter syntax).
    iface: String,
    /// Gap between frames in milliseconds (decimals allowed).
    #[arg(short = 'g', value_name = "MS", default_value_t = 200.0)]
    gap: f64,
    /// Id mode: r, e, o, i or a hex id.
    #[arg(short = 'I', value_name = "MODE", default_value = "r")]
    id: String,
    /// Length mode: r, i or a length in bytes.
    #[arg(short = 'L', value_name = "MODE", default_value = "r")]
    len: String,
    /// Data mode: r, i or hex bytes (up to the frame's length; zeros after).
    #[arg(short = 'D', value_name = "MODE", default_value = "r")]
    data: String,
    /// Extended (29-bit) ids.
    #[arg(short = 'e')]
    extended: bool,
    /// CAN FD frames.
    #[arg(short = 'f')]
    fd: bool,
    /// CAN FD frames with the bit rate switch (implies -f).
    #[arg(short = 'b')]
    brs: bool,
    /// CAN FD frames with the error state indicator set (implies -f).
    #[arg(short = 'E')]
    esi: bool,
    /// Remote (RTR) frames.
    #[arg(short = 'R', conflicts_with_all = ["fd", "brs", "esi", "seq"])]
    rtr: bool,
    /// Frames per burst: COUNT frames back to back, then the gap (cangen's -c).
    #[arg(short = 'c', value_name = "COUNT", default_value_t = 1, value_parser = clap::value_parser!(u64).range(1..))]
    burst: u64,
    /// Disable local loopback: other sockets on this host do not see the frames (cangen's -x).
    #[arg(short = 'x')]
    no_loopback: bool,
    /// Send exactly COUNT frames, then exit (default: until interrupted). With --check: exit
    /// after COUNT received frames.
    #[arg(short = 'n', long = "count", value_name = "COUNT")]
    count: Option<u64>,
    /// Seed of the random modes (default: from the clock); the same seed gives the same frames.
    #[arg(long, value_name = "N")]
    seed: Option<u64>,
    /// A sequence number (32-bit little-endian counter from 0) in the first 4 bytes.
    #[arg(long)]
    seq: bool,
    /// Print each frame sent (`  vcan0  123#DEADBEEF`).
    #[arg(short = 'v')]
    verbose: bool,
    /// Receive instead: read frames carrying sequence numbers and report lost, duplicated and
    /// reordered ones (see `sock can check`).
    #[arg(long)]
    check: bool,
    /// With --check: the sender sent sequence numbers 0..N; stop once all arrived.
    #[arg(long, value_name = "N", requires = "check")]
    expect: Option<u64>,
    /// With --check: exit after MSECS without a frame.
    #[arg(short = 'T', value_name = "MSECS", requires = "check")]
    idle: Option<u64>,
    /// With --check: the report as one JSON object.
    #[arg(long, requires = "check")]
    json: bool,
}

/// How ids, lengths or data are made.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Mode<T> {
    Random,
    RandomEven,
    RandomOdd,
    Increment,
    Fixed(T),
}

fn mode<T>(text: &str, what: &str, fixed: impl Fn(&str) -> Option<T>, even_odd: bool) -> io::Result<Mode<T>> {
    match text {
        "r" => Ok(Mode::Random),
        "i" => Ok(Mode::Increment),
        "e" if even_odd => Ok(Mode::RandomEven),
        "o" if even_odd => Ok(Mode::RandomOdd),
        _ => fixed(text).map(Mode::Fixed).ok_or_else(|| invalid(what, format!("bad mode {text:?} (r, i or a value)"))),
    }
}

fn hex_bytes(text: &str) -> Option<Vec<u8>> {
    if text.is_empty() || text.len() % 2 != 0 || text.len() > 128 {
        return None;
    }
    (0..text.len()).step_by(2).map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok()).collect()
}

/// The frame factory: modes and counters.
pub(crate) struct Generator {
    id: Mode<u32>,
    len: Mode<usize>,
    data: Mode<Vec<u8>>,
    extended: bool,
    fd: bool,
    brs: bool,
    esi: bool,
    rtr: bool,
    seq: bool,
    rng: Rng,
    next_id: u32,
    next_dlc: u8,
    next_data: u64,
    next_seq: u32,
}

impl Generator {
    fn new(args: &GenArgs, seed: u64) -> io::Result<Generator> {
        let mut extended = args.extended;
        let id = mode(
            &args.id,
            "-I",
            |t| {
                let v = u32::from_str_radix(t.trim_start_matches("0x"), 16).ok()?;
                (v <= CAN_EFF_MASK).then_some(v)
            },
            true,
        )?;
        if let Mode::Fixed(v) = id {
            extended |= v > CAN_SFF_MASK || args.id.trim_start_matches("0x").len() > 3;
        }
        let fd = args.fd || args.brs || args.esi;
        let max = if fd { 64 } else { 8 };
        let len = mode(&args.len, "-L", |t| t.parse::<usize>().ok(), false)?;
        if let Mode::Fixed(n) = len {
            if n > max {
                return Err(invalid(
                    "-L",
                    format!(
                        "{n} bytes do not fit a {}",
                        if fd { "CAN FD frame" } else { "classic frame (-f: CAN FD)" }
                    ),
                ));
            }
            if args.seq && n < 4 {
                return Err(invalid("-L", "--seq needs at least 4 bytes"));
            }
        }
        let data = mode(&args.data, "-D", hex_bytes, false)?;
        if let Mode::Fixed(bytes) = &data {
            if bytes.len() > max {
                return Err(invalid("-D", format!("{} bytes do not fit a frame of at most {max}", bytes.len())));
            }
        }
        if !args.gap.is_finite() || args.gap < 0.0 {
            return Err(invalid("-g", format!("bad gap {} (milliseconds, 0 or more)", args.gap)));
        }
        Ok(Generator {
            id,
            len,
            data,
            extended,
            fd,
            brs: args.brs,
            esi: args.esi,
            rtr: args.rtr,
            seq: args.seq,
            rng: Rng::new(seed),
            next_id: 0,
            next_dlc: 0,
            next_data: 0,
            next_seq: 0,
        })
    }

    /// The next frame.
    pub(crate) fn next_frame(&mut self) -> io::Result<Frame> {
        let mut raw = match &self.id {
            Mode::Random => self.rng.next_u32(),
            Mode::RandomEven => self.rng.next_u32() & !1,
            Mode::RandomOdd => self.rng.next_u32() | 1,
            Mode::Increment => {
                let v = self.next_id;
                self.next_id = self.next_id.wrapping_add(1);
                v
            }
            Mode::Fixed(v) => *v,
        };
        raw = if self.extended { (raw & CAN_EFF_MASK) | CAN_EFF_FLAG } else { raw & CAN_SFF_MASK };
        let mut len = match &self.len {
            Mode::Fixed(n) => *n,
            Mode::Increment => {
                let dlc = self.next_dlc;
                self.next_dlc = (dlc + 1) % if self.fd { 16 } else { 9 };
                if self.fd {
                    can_fd_dlc_to_len(dlc)
                } else {
                    usize::from(dlc)
                }
            }
            _ => {
                let dlc = (self.rng.next_u32() & 0xf) as u8;
                if self.fd {
                    can_fd_dlc_to_len(dlc)
                } else {
                    usize::from(dlc.min(8))
                }
            }
        };
        if self.data == Mode::Increment {
            len = len.max(1);
        }
        if self.seq {
            len = len.max(4);
        }
        if self.fd && can_fd_len_to_dlc(len).is_none() {
            // Up to the next length a CAN FD frame can have.
            len = (len..=64).find(|&l| can_fd_len_to_dlc(l).is_some()).unwrap_or(64);
        }
        let mut data = [0u8; 64];
        match &self.data {
            Mode::Fixed(bytes) => data[..bytes.len()].copy_from_slice(bytes),
            Mode::Increment => {
                data[..8].copy_from_slice(&self.next_data.to_le_bytes());
                self.next_data = self.next_data.wrapping_add(1);
            }
            _ => self.rng.fill(&mut data[..len]),
        }
        data[len..].fill(0);
        if self.seq {
            data[..4].copy_from_slice(&self.next_seq.to_le_bytes());
            self.next_seq = self.next_seq.wrapping_add(1);
        }
        let frame = if self.rtr {
            Frame::Classic(ClassicFrame::remote(CanId::from_raw(raw & !CAN_RTR_FLAG), len)?)
        } else if self.fd {
            let flags = if self.brs { CANFD_BRS } else { 0 } | if self.esi { CANFD_ESI } else { 0 };
            Frame::Fd(FdFrame::from_raw_parts(raw, flags, &data[..len])?)
        } else {
            Frame::Classic(ClassicFrame::from_raw_parts(raw, &data[..len])?)
        };
        Ok(frame)
    }
}

/// Whether the gap comes before frame number `sent` (from 0) in bursts of `burst` frames.
fn gap_before(sent: u64, burst: u64) -> bool {
    sent > 0 && sent % burst.max(1) == 0
}

/// Writes `frame`, waiting (at most a second) while the interface's queue is full (ENOBUFS).
pub(crate) fn write_patiently(sock: &CanSocket, frame: &Frame) -> io::Result<()> {
    let deadline = Instant::now() + Duration::from_secs(1);
    loop {
        match sock.write_frame(frame) {
            Err(e) if sock::errno(&e) == Some(nix::libc::ENOBUFS) && Instant::now() < deadline => {
                let mut fds = [PollFd::new(sock.as_fd(), PollFlags::POLLOUT)];
                let _ = poll(&mut fds, PollTimeout::from(10u8));
            }
            other => return other,
        }
    }
}

/// Runs `sock can gen` (or, with `--check`, `sock can check`).
pub(crate) fn run(args: GenArgs, io: &mut Io) -> io::Result<()> {
    if args.check {
        let check = CheckArgs::new(args.iface, args.count, args.expect, args.idle, args.json);
        return check::run(check, io);
    }
    let seed = args.seed.unwrap_or_else(|| {
        SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).map(|d| d.as_nanos() as u64).unwrap_or(1)
    });
    let mut generator = Generator::new(&args, seed)?;
    let gap = Duration::from_secs_f64(args.gap / 1000.0);
    let on = |e| context(format!("can:{}", args.iface), e);
    let sock = CanSocket::new().map_err(on)?;
    // Send only: receive nothing (as cangen does).
    sock.set_filters(&[]).map_err(on)?;
    if generator.fd {
        sock.set_fd_frames(true).map_err(on)?;
    }
    if args.no_loopback {
        sock.set_loopback(false).map_err(on)?;
    }
    sock.bind((args.iface.as_str(),)).map_err(on)?;
    if args.verbose && args.seed.is_none() {
        writeln!(io.stderr, "sock: can gen: seed {seed}")?;
    }
    let mut sent = 0u64;
    while args.count.is_none_or(|c| sent < c) {
        if gap_before(sent, args.burst) && !gap.is_zero() {
            std::thread::sleep(gap);
        }
        let frame = generator.next_frame()?;
        if args.verbose {
            if let Some(v) = View::of(&frame) {
                writeln!(io.stdout, "  {}  {}", args.iface, compact(&v))?;
            }
        }
        write_patiently(&sock, &frame)
            .map_err(|e| context(format!("can:{}: send frame {}", args.iface, sent + 1), e))?;
        sent += 1;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Parser)]
    struct T {
        #[command(flatten)]
        args: GenArgs,
    }

    fn generator(line: &str) -> io::Result<Generator> {
        let args = T::try_parse_from(std::iter::once("gen").chain(line.split_whitespace())).unwrap().args;
        Generator::new(&args, 7)
    }

    fn texts(line: &str, n: usize) -> Vec<String> {
        let mut g = generator(line).unwrap();
        (0..n).map(|_| View::of(&g.next_frame().unwrap()).map(|v| compact(&v)).unwrap()).collect()
    }

    #[test]
    fn cangen_modes() {
        assert_eq!(texts("vcan0 -I 42A -L 1 -D i", 3), ["42A#00", "42A#01", "42A#02"]);
        assert_eq!(texts("vcan0 -I i -L i -D 11223344DEADBEEF", 3), ["000#", "001#11", "002#1122"]);
        assert_eq!(texts("vcan0 -I 12345678 -L 2 -D AABB", 1), ["12345678#AABB"]);
        assert_eq!(texts("vcan0 -I 123 -R -L 3", 1), ["123#R3"]);
        assert_eq!(texts("vcan0 -I 123 -f -L 9 -D i", 1)[0].len(), "123##0".len() + 24);
        assert_eq!(texts("vcan0 -I 123 -L 8 -D i --seq", 2), ["123#0000000000000000", "123#0100000000000000"]);
        // CAN FD flags after `##`: BRS = 1, ESI = 2 (-E and -b imply -f).
        assert_eq!(texts("vcan0 -I 123 -E -L 1 -D 55", 1), ["123##255"]);
        assert_eq!(texts("vcan0 -I 123 -E -b -L 1 -D 55", 1), ["123##355"]);
        for t in texts("vcan0 -e -I o", 20) {
            let id = u32::from_str_radix(&t[..8], 16).unwrap();
            assert_eq!(id & 1, 1, "{t}");
        }
    }

    #[test]
    fn bursts_then_gaps() {
        let gaps = |burst| (0..7).map(|sent| gap_before(sent, burst)).collect::<Vec<_>>();
        assert_eq!(gaps(1), [false, true, true, true, true, true, true]);
        assert_eq!(gaps(3), [false, false, false, true, false, false, true]);
        let zero = T::try_parse_from(["gen", "vcan0", "-c", "0"]).err().map(|e| e.kind());
        assert_eq!(zero, Some(clap::error::ErrorKind::ValueValidation));
    }

    #[test]
    fn the_seed_decides() {
        assert_eq!(texts("vcan0", 50), texts("vcan0", 50));
        let mut other = generator("vcan0").unwrap();
        other.rng = Rng::new(8);
        let frames: Vec<String> = (0..50).map(|_| compact(&View::of(&other.next_frame().unwrap()).unwrap())).collect();
        assert_ne!(frames, texts("vcan0", 50));
    }

    #[test]
    fn bad_modes_name_the_option() {
        for (line, what) in [
            ("vcan0 -I zz", "-I"),
            ("vcan0 -L 9", "-L"),
            ("vcan0 -L 2 --seq", "-L"),
            ("vcan0 -D 123", "-D"),
            ("vcan0 -g nan", "-g"),
        ] {
            let e = generator(line).err().unwrap_or_else(|| panic!("{line}"));
            assert!(e.to_string().starts_with(what), "{line}: {e}");
        }
    }
}
