//! `sock can send IFACE FRAME...`: cansend, for several frames at once.

use std::io;

use clap::Args;
use sock::can::{CanSocket, Frame};

use super::text::normalize;
use crate::{context, invalid};

pub(crate) const EXAMPLES: &str = "\
Frame syntax (cansend's):
  123#DEADBEEF          standard id (3 hex digits), up to 8 data bytes ('.' separators allowed)
  1F334455#1122         extended id (8 hex digits)
  123#R  123#R4         remote request, optionally with a length
  123##1AABBCCDD        CAN FD: '##', one hex digit of flags (1 = BRS, 2 = ESI), up to 64 bytes

Examples:
  sock can send vcan0 123#DEADBEEF
  sock can send vcan0 1F334455#R 123##1AABBCCDDEEFF0011";

/// Arguments of `sock can send`.
#[derive(Args, Debug)]
pub(crate) struct SendArgs {
    /// The interface (vcan0, can0 ...).
    iface: String,
    /// The frames, in cansend syntax; sent in order.
    #[arg(required = true)]
    frames: Vec<String>,
}

/// Parses every frame first (nothing is sent if one is wrong), then sends them in order.
pub(crate) fn run(args: SendArgs) -> io::Result<()> {
    let frames: Vec<Frame> = args
        .frames
        .iter()
        .map(|t| t.parse::<Frame>().and_then(normalize).map_err(|e| invalid(format!("frame {t:?}"), e)))
        .collect::<io::Result<_>>()?;
    let on = |e| context(format!("can:{}", args.iface), e);
    let sock = CanSocket::new().map_err(on)?;
    if frames.iter().any(|f| matches!(f, Frame::Fd(_))) {
        sock.set_fd_frames(true).map_err(on)?;
    }
    if frames.iter().any(|f| matches!(f, Frame::Xl(_))) {
        sock.set_xl_frames(true).map_err(on)?;
    }
    sock.bind((args.iface.as_str(),)).map_err(on)?;
    for (frame, text) in frames.iter().zip(&args.frames) {
        sock.write_frame(frame).map_err(|e| context(format!("can:{}: send {text}", args.iface), e))?;
    }
    Ok(())
}
