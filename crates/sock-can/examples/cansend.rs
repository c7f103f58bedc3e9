//! A `cansend` in a few lines: send one frame given in can-utils' text form.
//!
//! ```text
//! cargo run -p sock-can --example cansend -- vcan0 123#DEADBEEF
//! cargo run -p sock-can --example cansend -- vcan0 1F334455#R
//! cargo run -p sock-can --example cansend -- vcan0 123##1AABBCCDDEEFF0011   # CAN FD with BRS
//! ```

use sock_can::{CanSocket, Frame};

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [iface, text] = &args[..] else {
        eprintln!("usage: cansend <interface> <frame>   (e.g. vcan0 123#DEADBEEF)");
        std::process::exit(2);
    };
    let frame: Frame = text.parse()?;
    let s = CanSocket::bound((iface.as_str(),))?;
    match frame {
        Frame::Fd(_) => s.set_fd_frames(true)?,
        Frame::Xl(_) => s.set_xl_frames(true)?,
        _ => {}
    }
    s.write_frame(&frame)
}
