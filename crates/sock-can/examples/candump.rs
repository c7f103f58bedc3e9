//! The CAN example of Python's `socket` documentation, ported: bind a raw socket to an
//! interface, print every frame received, echo it back and send frame 0x01 `01 02 03`.
//!
//! ```text
//! cargo run -p sock-can --example candump -- vcan0 [count]
//! ```
//!
//! The Python original packs frames by hand (`struct.pack("=IB3x8s", ...)`); here the frame
//! types are the kernel structs, so there is nothing to pack.

use sock_can::{CanId, CanSocket, ClassicFrame, Frame};

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let iface = args.next().unwrap_or_else(|| "vcan0".to_string());
    let count: Option<usize> = args.next().and_then(|n| n.parse().ok());

    // s = socket.socket(AF_CAN, SOCK_RAW, CAN_RAW); s.bind(('vcan0',))
    let s = CanSocket::bound((iface.as_str(),))?;
    let mut seen = 0;
    while count.is_none_or(|c| seen < c) {
        // cf, addr = s.recvfrom(can_frame_size)
        let frame = s.read_frame()?;
        seen += 1;
        let Frame::Classic(cf) = frame else {
            println!("Received: {frame}");
            continue;
        };
        println!("Received: can_id={:x}, can_dlc={:x}, data={:02x?}", cf.raw_id(), cf.len(), cf.data());
        // s.send(cf)
        if let Err(e) = s.write_classic(&cf) {
            println!("Error sending CAN frame: {e}");
        }
        // s.send(build_can_frame(0x01, b'\x01\x02\x03'))
        if let Err(e) = s.write_classic(&ClassicFrame::new(CanId::Standard(0x01), &[1, 2, 3])?) {
            println!("Error sending CAN frame: {e}");
        }
    }
    Ok(())
}
