//! `AF_VSOCK` on async-io (smol; feature `async-io`): the runtime's [`AsyncSocket`] and the
//! [`AsyncVsockExt`] methods.

pub use sock_core::async_io::{AsyncSocket, Interest, Reactor};

pub use crate::aio::AsyncVsockExt;
