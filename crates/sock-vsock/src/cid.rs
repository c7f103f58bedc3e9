//! [`local_cid`]: this machine's context id, from `/dev/vsock`.

use std::fs::File;
use std::io;
use std::os::fd::{AsFd, AsRawFd, BorrowedFd};

use crate::consts::IOCTL_VM_SOCKETS_GET_LOCAL_CID;

/// The device whose ioctl answers the local CID.
const DEVICE: &str = "/dev/vsock";

/// The local context id: `ioctl(open("/dev/vsock"), IOCTL_VM_SOCKETS_GET_LOCAL_CID)`, as
/// CPython's test suite reads it (`get_cid()`).
///
/// Fails with the `open` error when the vsock core module is absent (`NotFound`, the message
/// `open /dev/vsock: No such file or directory (ENOENT); load the vsock module (modprobe
/// vsock)`), or with the `ioctl` error, named the same way. A guest reports its CID; a machine with no guest transport reports
/// `VMADDR_CID_LOCAL` (1) or `VMADDR_CID_HOST` (2), depending on the loaded transports.
///
/// ```no_run
/// let cid = sock::vsock::local_cid()?;
/// println!("my CID is {cid}");
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn local_cid() -> io::Result<u32> {
    let dev = File::open(DEVICE).map_err(|e| {
        sock_core::context_with_hint(e, "open", DEVICE, "load the vsock module (modprobe vsock)".to_owned())
    })?;
    get_local_cid(dev.as_fd()).map_err(|e| sock_core::context(e, "IOCTL_VM_SOCKETS_GET_LOCAL_CID", DEVICE))
}

fn get_local_cid(fd: BorrowedFd<'_>) -> io::Result<u32> {
    let mut cid: u32 = 0;
    // SAFETY: `fd` is open for the whole call (borrowed); the ioctl writes exactly one
    // `unsigned int` through the pointer, which points to our local `u32`.
    let rc = unsafe { libc::ioctl(fd.as_raw_fd(), IOCTL_VM_SOCKETS_GET_LOCAL_CID as _, &mut cid as *mut u32) };
    sock_core::cvt(rc)?;
    Ok(cid)
}
