//! `sock can check IFACE[,FILTER]...` (also `sock can gen --check`): reads frames that carry a
//! sequence number (a 32-bit little-endian counter in the first 4 bytes, as `sock can gen
//! --seq` and `cangen -D i -L 8` write it) and reports how many were lost, duplicated and
//! reordered.

use std::collections::HashSet;
use std::io::{self, Write};
use std::os::fd::AsFd;

use clap::Args;
use nix::poll::{poll, PollFd, PollFlags, PollTimeout};

use super::dump::open_bus;
use crate::interrupt::Interrupt;
use crate::{context, json, Io};

pub(crate) const EXAMPLES: &str = "\
The sequence number is the 32-bit little-endian number in the first 4 bytes of each frame
(`sock can gen --seq`, `cangen -D i -L 8`). Frames shorter than 4 bytes are counted as
unsequenced. Without --expect the sequence starts at the first number received.

The report (one line, or one JSON object with --json) is printed when COUNT frames arrived,
all --expect numbers arrived, -T passed without a frame, or on Ctrl-C. The exit status is 1
when frames were lost, duplicated or reordered.

Examples:
  sock can check vcan0,123:7FF --expect 100
  sock can check vcan0 -n 1000 -T 2000 --json
  cangen vcan0 -I 123 -L 8 -D i -n 100 & sock can check vcan0,123:7FF --expect 100";

/// Arguments of `sock can check`.
#[derive(Args, Debug)]
pub(crate) struct CheckArgs {
    /// IFACE[,FILTER]... (candump's filter syntax, see `sock can dump --help`).
    iface: String,
    /// Exit after COUNT received frames.
    #[arg(short = 'n', long = "count", value_name = "COUNT")]
    count: Option<u64>,
    /// The sender sent the numbers 0..N: what did not arrive counts as lost; exit once all did.
    #[arg(long, value_name = "N")]
    expect: Option<u64>,
    /// Exit after MSECS without a frame.
    #[arg(short = 'T', value_name = "MSECS")]
    idle: Option<u64>,
    /// The report as one JSON object.
    #[arg(long)]
    json: bool,
}

impl CheckArgs {
    /// The arguments of `sock can gen --check`.
    pub(crate) fn new(iface: String, count: Option<u64>, expect: Option<u64>, idle: Option<u64>, json: bool) -> Self {
        CheckArgs { iface, count, expect, idle, json }
    }
}

/// The counts of one check.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Tally {
    /// Frames received.
    pub received: u64,
    /// Frames without a sequence number (shorter than 4 bytes, or remote requests).
    pub unsequenced: u64,
    /// Frames whose number had arrived before.
    pub duplicated: u64,
    /// Frames that arrived after a higher number (not duplicates).
    pub reordered: u64,
    /// The first number of the sequence (0 with `--expect`).
    pub base: Option<u32>,
    /// The highest offset from `base` seen.
    pub highest: Option<u32>,
    seen: HashSet<u32>,
}

impl Tally {
    /// A tally of a sequence starting at `base` (`None`: at the first number received).
    pub(crate) fn new(base: Option<u32>) -> Tally {
        Tally { base, ..Tally::default() }
    }

    /// Counts one frame's payload.
    pub(crate) fn add(&mut self, data: Option<&[u8]>) {
        self.received += 1;
        let Some(seq) = data.and_then(|d| d.get(..4)).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]])) else {
            self.unsequenced += 1;
            return;
        };
        let base = *self.base.get_or_insert(seq);
        let offset = seq.wrapping_sub(base);
        if !self.seen.insert(offset) {
            self.duplicated += 1;
            return;
        }
        // More than 2^31 ahead: a number from before the base.
        if offset > u32::MAX / 2 {
            self.reordered += 1;
            return;
        }
        match self.highest {
            Some(h) if offset < h => self.reordered += 1,
            _ => self.highest = Some(offset),
        }
    }

    /// Distinct numbers received in the sequence.
    pub(crate) fn unique(&self) -> u64 {
        self.seen.iter().filter(|&&o| o <= u32::MAX / 2).count() as u64
    }

    /// Numbers missing: of 0..expect, or of base..=highest.
    pub(crate) fn lost(&self, expect: Option<u64>) -> u64 {
        let span = match expect {
            Some(n) => n,
            None => self.highest.map_or(0, |h| u64::from(h) + 1),
        };
        let inside = match expect {
            Some(n) => self.seen.iter().filter(|&&o| u64::from(o) < n).count() as u64,
            None => self.unique(),
        };
        span.saturating_sub(inside)
    }

    /// The report line.
    pub(crate) fn line(&self, expect: Option<u64>) -> String {
        let range = match (self.base, self.highest) {
            (Some(b), Some(h)) => format!("numbers {b}..={}", b.wrapping_add(h)),
            _ => "no numbers".to_string(),
        };
        format!(
            "{} frames received ({range}): {} lost, {} duplicated, {} reordered, {} unsequenced",
            self.received,
            self.lost(expect),
            self.duplicated,
            self.reordered,
            self.unsequenced
        )
    }

    /// The report as JSON.
    pub(crate) fn json(&self, expect: Option<u64>) -> String {
        let num = |v: Option<u64>| v.map_or("null".to_string(), |v| v.to_string());
        json::object(&[
            ("received", self.received.to_string()),
            ("first", num(self.base.map(u64::from))),
            ("last", num(self.base.zip(self.highest).map(|(b, h)| u64::from(b.wrapping_add(h))))),
            ("unique", self.unique().to_string()),
            ("lost", self.lost(expect).to_string()),
            ("duplicated", self.duplicated.to_string()),
            ("reordered", self.reordered.to_string()),
            ("unsequenced", self.unsequenced.to_string()),
        ])
    }

    /// Nothing lost, duplicated or reordered.
    pub(crate) fn clean(&self, expect: Option<u64>) -> bool {
        self.lost(expect) == 0 && self.duplicated == 0 && self.reordered == 0
    }
}

/// Runs the check until a stop condition (see [`EXAMPLES`]), then prints the report.
pub(crate) fn run(args: CheckArgs, io: &mut Io) -> io::Result<()> {
    let interrupt = Interrupt::catch();
    let bus = open_bus(&args.iface)?;
    io.notify("bound can check");
    let idle = match args.idle {
        Some(ms) => PollTimeout::try_from(ms.min(i32::MAX as u64) as i32).unwrap_or(PollTimeout::MAX),
        None => PollTimeout::NONE,
    };
    let expect = args.expect;
    let mut tally = Tally::new(expect.map(|_| 0));
    loop {
        if args.count.is_some_and(|c| tally.received >= c) || expect.is_some_and(|n| tally.lost(Some(n)) == 0) {
            break;
        }
        let mut fds = vec![PollFd::new(bus.sock.as_fd(), PollFlags::POLLIN)];
        if let Some(fd) = interrupt.fd() {
            fds.push(PollFd::new(fd, PollFlags::POLLIN));
        }
        match poll(&mut fds, idle) {
            Ok(0) => break,
            Ok(_) => {}
            Err(nix::errno::Errno::EINTR) => continue,
            Err(e) => return Err(context("poll", io::Error::from(e))),
        }
        if fds.get(1).and_then(|f| f.revents()).is_some_and(|r| !r.is_empty()) {
            break;
        }
        let frame = bus.sock.read_frame().map_err(|e| context(format!("can:{}: read", args.iface), e))?;
        let remote = matches!(&frame, sock::can::Frame::Classic(f) if f.is_remote());
        tally.add((!remote).then(|| frame.data()));
    }
    let report = if args.json { tally.json(expect) } else { tally.line(expect) };
    writeln!(io.stdout, "{report}")?;
    io.stdout.flush()?;
    if tally.clean(expect) {
        Ok(())
    } else {
        Err(io::Error::other(format!("can check {}: frames lost, duplicated or reordered", args.iface)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tally(seqs: &[u32], expect: Option<u64>) -> Tally {
        let mut t = Tally::new(expect.map(|_| 0));
        for s in seqs {
            t.add(Some(&s.to_le_bytes()));
        }
        t
    }

    #[test]
    fn counts() {
        let t = tally(&[0, 1, 2, 3], None);
        assert!(t.clean(None));
        assert_eq!(t.line(None), "4 frames received (numbers 0..=3): 0 lost, 0 duplicated, 0 reordered, 0 unsequenced");
        let t = tally(&[0, 1, 3, 2, 4, 4, 6], None);
        assert_eq!((t.lost(None), t.duplicated, t.reordered), (1, 1, 1));
        assert_eq!(t.lost(Some(10)), 4);
        let t = tally(&[10, 11, 12], None);
        assert_eq!((t.base, t.lost(None)), (Some(10), 0));
        let t = tally(&[5, 4, 6], None);
        assert_eq!((t.reordered, t.lost(None), t.unique()), (1, 0, 2));
        assert_eq!(tally(&[1, 0], Some(2)).reordered, 1);
        assert_eq!(tally(&[u32::MAX, 0, 1], None).lost(None), 0);
        let mut t = Tally::new(None);
        t.add(Some(&[1, 2]));
        t.add(None);
        assert_eq!((t.received, t.unsequenced), (2, 2));
        assert_eq!(
            tally(&[0, 2], None).json(None),
            r#"{"received":2,"first":0,"last":2,"unique":2,"lost":1,"duplicated":0,"reordered":0,"unsequenced":0}"#
        );
    }
}
