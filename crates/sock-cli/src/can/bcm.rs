//! `sock can bcm IFACE ID#DATA --interval MS [--count N]`: a cyclic send by the kernel's
//! broadcast manager (`CAN_BCM` `TX_SETUP`): the kernel sends the frame every MS milliseconds
//! — COUNT times, or until Ctrl-C or end of standard input (then `TX_DELETE`).

use std::io::{self, Read};
use std::sync::Arc;
use std::time::Duration;

use clap::Args;
use nix::poll::{poll, PollFd, PollFlags, PollTimeout};
use sock::can::consts::{CAN_BCM_TX_ANNOUNCE, CAN_BCM_TX_COUNTEVT};
use sock::can::{BcmFrames, BcmMsg, BcmOpcode, BcmSocket, Frame};

use super::text::normalize;
use crate::interrupt::Interrupt;
use crate::stop::Stop;
use crate::{context, invalid, Io};

pub(crate) const EXAMPLES: &str = "\
The frame is in cansend syntax (123#DEADBEEF, 12345678#00, 123##1AABB for CAN FD). Without
--count the frame goes out every MS until Ctrl-C or end of standard input (in a script:
keep stdin open, or give --count); with --count N exactly N frames, the first after MS.

Examples:
  sock can bcm vcan0 123#DEADBEEF --interval 100              # until Ctrl-C
  sock can bcm vcan0 1F334455#0102 --interval 10 --count 50   # 50 frames, 10 ms apart
  sleep 5 | sock can bcm vcan0 123#00 --interval 1000         # for 5 seconds";

/// Arguments of `sock can bcm`.
#[derive(Args, Debug)]
pub(crate) struct BcmArgs {
    /// The interface.
    iface: String,
    /// The frame, in cansend syntax.
    frame: String,
    /// The period in milliseconds (decimals allowed).
    #[arg(long, short = 'i', value_name = "MS")]
    interval: f64,
    /// Send COUNT frames, then exit.
    #[arg(long, short = 'n', value_name = "COUNT")]
    count: Option<u32>,
}

/// The `TX_SETUP` message of `args`.
fn setup(args: &BcmArgs) -> io::Result<BcmMsg> {
    let frame =
        args.frame.parse::<Frame>().and_then(normalize).map_err(|e| invalid(format!("frame {:?}", args.frame), e))?;
    if !args.interval.is_finite() || args.interval <= 0.0 {
        return Err(invalid("--interval", format!("bad period {} (milliseconds, more than 0)", args.interval)));
    }
    let ival = Duration::from_secs_f64(args.interval / 1000.0);
    let frames: BcmFrames = match frame {
        Frame::Classic(f) => f.into(),
        Frame::Fd(f) => f.into(),
        _ => return Err(invalid(format!("frame {:?}", args.frame), "a classic or CAN FD data frame")),
    };
    let id = frames_id(&frames);
    let msg = BcmMsg::new(BcmOpcode::TxSetup, id).with_frames(frames);
    Ok(match args.count {
        Some(0) => return Err(invalid("--count", "at least 1")),
        Some(n) => msg.with_timers(n, ival, Duration::ZERO).with_flags(CAN_BCM_TX_COUNTEVT),
        None => msg.with_timers(0, Duration::ZERO, ival).with_flags(CAN_BCM_TX_ANNOUNCE),
    })
}

fn frames_id(frames: &BcmFrames) -> sock::can::CanId {
    match frames {
        BcmFrames::Classic(v) => v[0].id(),
        BcmFrames::Fd(v) => v[0].id(),
    }
}

/// Runs `sock can bcm`.
pub(crate) fn run(args: BcmArgs, io: &mut Io) -> io::Result<()> {
    let msg = setup(&args)?;
    let name = format!("can:{}", args.iface);
    let interrupt = Interrupt::catch();
    let sock = BcmSocket::connected((args.iface.as_str(),)).map_err(|e| context(&name, e))?;
    // End of standard input stops a send without --count (read in a thread of its own).
    let stop = Arc::new(Stop::new()?);
    if args.count.is_none() {
        let mut stdin = std::mem::replace(&mut io.stdin, Box::new(io::empty()));
        let stop = stop.clone();
        std::thread::spawn(move || {
            let mut buf = [0u8; 512];
            while matches!(stdin.read(&mut buf), Ok(n) if n > 0) {}
            stop.signal();
        });
    }
    sock.send(&msg).map_err(|e| context(format!("{name}: TX_SETUP"), e))?;
    io.notify(format!("bound {name} bcm"));
    loop {
        let mut fds =
            vec![PollFd::new(sock.as_ref().as_fd(), PollFlags::POLLIN), PollFd::new(stop.fd(), PollFlags::POLLIN)];
        if let Some(fd) = interrupt.fd() {
            fds.push(PollFd::new(fd, PollFlags::POLLIN));
        }
        match poll(&mut fds, PollTimeout::NONE) {
            Ok(_) => {}
            Err(nix::errno::Errno::EINTR) => continue,
            Err(e) => return Err(context("poll", io::Error::from(e))),
        }
        let ready: Vec<bool> = fds.iter().map(|f| f.revents().is_some_and(|r| !r.is_empty())).collect();
        if ready[0] {
            let note = sock.recv().map_err(|e| context(format!("{name}: recv"), e))?;
            if note.opcode == BcmOpcode::TxExpired {
                return Ok(());
            }
        }
        if ready[1..].iter().any(|&r| r) {
            let delete = BcmMsg::new(BcmOpcode::TxDelete, frames_id(&msg.frames));
            sock.send(&delete).map_err(|e| context(format!("{name}: TX_DELETE"), e))?;
            return Ok(());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(frame: &str, interval: f64, count: Option<u32>) -> BcmArgs {
        BcmArgs { iface: "vcan0".into(), frame: frame.into(), interval, count }
    }

    #[test]
    fn tx_setup_messages() {
        let m = setup(&args("123#DEADBEEF", 100.0, Some(5))).unwrap();
        assert_eq!(
            (m.opcode, m.count, m.ival1, m.ival2),
            (BcmOpcode::TxSetup, 5, Duration::from_millis(100), Duration::ZERO)
        );
        assert_ne!(m.flags & CAN_BCM_TX_COUNTEVT, 0);
        let m = setup(&args("12345678##1AABB", 2.5, None)).unwrap();
        assert_eq!((m.count, m.ival2), (0, Duration::from_micros(2500)));
        assert!(matches!(m.frames, BcmFrames::Fd(_)));
        assert!(setup(&args("123#zz", 1.0, None)).unwrap_err().to_string().starts_with("frame \"123#zz\""));
        assert!(setup(&args("123#00", 0.0, None)).unwrap_err().to_string().starts_with("--interval"));
        assert!(setup(&args("123#00", 1.0, Some(0))).unwrap_err().to_string().starts_with("--count"));
    }
}
