//! AF_TIPC: Transparent Inter-Process Communication, the cluster IPC of Linux.
//!
//! What CPython's `socket` module offers for `AF_TIPC`, typed:
//!
//! | Python | Rust |
//! | --- | --- |
//! | `(TIPC_ADDR_NAMESEQ, type, lower, upper[, scope])` | [`TipcAddr::service_range`] / [`TipcName::ServiceRange`] |
//! | `(TIPC_ADDR_NAME, type, instance, 0[, scope])` | [`TipcAddr::service`] / [`TipcName::Service`] |
//! | `(TIPC_ADDR_ID, node, ref, 0[, scope])` | [`TipcAddr::socket`] / [`TipcName::Socket`] |
//! | `scope` (`TIPC_ZONE_SCOPE`, `TIPC_CLUSTER_SCOPE`, `TIPC_NODE_SCOPE`) | [`Scope`] |
//! | `TIPC_*` constants, `SOL_TIPC` | [`consts`] (re-exported here) |
//! | `s.setsockopt(SOL_TIPC, TIPC_IMPORTANCE, n)` … | `s.set(`[`IMPORTANCE`]`, &n)` … ([`opts`]) |
//! | `TIPC_GROUP_JOIN` / `TIPC_GROUP_LEAVE` | [`TipcSocketExt::join_group`] / [`TipcSocketExt::leave_group`] |
//! | `recvmsg` ancillary data `TIPC_ERRINFO`, `TIPC_RETDATA`, `TIPC_DESTNAME` | [`TipcAncillary`] |
//! | the topology service (`TIPC_TOP_SRV`, `struct tipc_subscr`/`tipc_event`) | [`Subscription`], [`Event`] |
//!
//! Text form of an address (`Display`/`FromStr`, decimal numbers): `{type,lower,upper}` for a
//! service range, `{type,instance}` for a service address (`{type,instance}@node` with a lookup
//! node), `<node:port>` for a socket id; a scope other than the default cluster scope follows
//! as `/node`, `/zone` or `/<number>`, e.g. `{2000,200,210}/node`.
//!
//! ```no_run
//! use sock_core::{Family, Socket, Type};
//! use sock_tipc::TipcAddr;
//!
//! let server = Socket::new(Family::TIPC, Type::RDM, None)?;
//! server.bind(TipcAddr::service_range(2000, 200, 210))?;
//! let client = Socket::new(Family::TIPC, Type::RDM, None)?;
//! client.send_to(b"hello", 0, TipcAddr::service(2000, 205))?;
//! let (data, from) = server.recv_from_vec(64, 0)?;
//! assert_eq!(TipcAddr::try_from(&from)?, TipcAddr::try_from(&client.local_addr()?)?);
//! # Ok::<(), std::io::Error>(())
//! ```

mod addr;
mod anc;
pub mod consts;
pub mod opts;
mod topsrv;

pub use addr::{Scope, TipcAddr, TipcName};
pub use anc::TipcAncillary;
pub use consts::*;
pub use opts::{
    GroupReq, TipcSocketExt, CONN_TIMEOUT, DEST_DROPPABLE, IMPORTANCE, NODELAY, NODE_RECVQ_DEPTH, SOCK_RECVQ_DEPTH,
    SOCK_RECVQ_USED, SRC_DROPPABLE,
};
pub use topsrv::{Event, Subscription};
