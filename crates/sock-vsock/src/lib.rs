//! AF_VSOCK: VM sockets, the host ↔ guest transport of virtual machines (and, with the
//! `vsock_loopback` module, a node-local loopback).
//!
//! What CPython's `socket` module offers for `AF_VSOCK`, typed:
//!
//! | Python | Rust |
//! | --- | --- |
//! | `(cid, port)` address tuple | [`VsockAddr`] (`Display`/`FromStr` form `cid:port`, e.g. `2:1234`) |
//! | `VMADDR_*`, `SO_VM_SOCKETS_*`, `IOCTL_VM_SOCKETS_GET_LOCAL_CID` | [`consts`] (re-exported here) |
//! | `fcntl.ioctl(open("/dev/vsock"), IOCTL_VM_SOCKETS_GET_LOCAL_CID, …)` | [`local_cid`] |
//! | `s.setsockopt(AF_VSOCK, SO_VM_SOCKETS_BUFFER_SIZE, n)` (a 64-bit value) | [`VsockSocketExt::set_buffer_size`]`(n)` or `s.set(`[`BUFFER_SIZE`]`, &n)` |
//! | `s.getsockopt(AF_VSOCK, SO_VM_SOCKETS_BUFFER_MIN_SIZE)` / `_MAX_SIZE` | [`VsockSocketExt::buffer_min_size`] / [`VsockSocketExt::buffer_max_size`] |
//! | `SO_VM_SOCKETS_CONNECT_TIMEOUT` (a `struct timeval`) | [`VsockSocketExt::set_connect_timeout`] |
//!
//! ```no_run
//! use sock_core::{Family, Socket, Type};
//! use sock_vsock::{VsockAddr, VMADDR_CID_ANY, VMADDR_CID_LOCAL};
//!
//! let server = Socket::new(Family::VSOCK, Type::STREAM, None)?;
//! server.bind(VsockAddr::new(VMADDR_CID_ANY, 1234))?;
//! server.listen(None)?;
//! let client = Socket::new(Family::VSOCK, Type::STREAM, None)?;
//! client.connect(VsockAddr::new(VMADDR_CID_LOCAL, 1234))?;
//! let (conn, peer) = server.accept()?;
//! println!("accepted {}", VsockAddr::try_from(&peer)?);
//! # Ok::<(), std::io::Error>(())
//! ```
//!
//! Decisions: the address carries only `(cid, port)` as in CPython; `svm_flags` (for example
//! [`VMADDR_FLAG_TO_HOST`]) can be set with [`VsockAddr::to_sock_addr_with_flags`] and are
//! ignored when decoding. Options live at level `AF_VSOCK` and are 64-bit, as the kernel
//! wants them (CPython always passes a `u64` for this family).

mod addr;
mod cid;
pub mod consts;
mod opts;

pub use addr::VsockAddr;
pub use cid::local_cid;
pub use consts::*;
pub use opts::{VsockSocketExt, BUFFER_MAX_SIZE, BUFFER_MIN_SIZE, BUFFER_SIZE};
