#![cfg(feature = "inet")]
//! AF_RDS (Reliable Datagram Sockets) over the loopback transport, after CPython's
//! `BasicRDSTest`/`RDSTest`: socket options, `sendto`/`recvfrom` with `sockaddr_in` addresses
//! (the sender's address is the client's own name), `MSG_PEEK`, and `sendmsg`/`recvmsg`. Needs
//! the `rds` kernel module (`modprobe rds rds_tcp`): the host usually lacks it, the VM of
//! `cargo xtask test-linux` has it.

use std::io::{IoSlice, IoSliceMut};
use std::time::Duration;

use sock_core::{consts, Family, SockAddr, Socket, Type};
use sock_inet::{consts::SOL_RDS, decode, opt, rds_socket};

const HOST: &str = "127.0.0.1";

fn have_rds() -> bool {
    sock_tests::require("AF_RDS sockets (modprobe rds)", rds_socket().map(drop))
}

fn bound() -> Socket {
    let s = rds_socket().unwrap();
    s.bind((HOST, 0)).unwrap();
    s.set_timeout(Some(Duration::from_secs(5))).unwrap();
    s
}

#[test]
fn rds_socket_basics() {
    if !have_rds() {
        return;
    }
    let s = rds_socket().unwrap();
    assert_eq!((s.family(), s.ty()), (Family::RDS, Type::SEQPACKET));
    for opt in [consts::SO_RCVBUF, consts::SO_SNDBUF] {
        s.setsockopt_int(consts::SOL_SOCKET, opt, 16384).unwrap();
        assert!(s.getsockopt_int(consts::SOL_SOCKET, opt).unwrap() >= 16384);
    }
    assert_eq!(SOL_RDS, 276);
    s.set(opt::RDS_RECVERR, &true).unwrap();
    assert!(s.get(opt::RDS_RECVERR).unwrap());
    let b = bound();
    let name = decode(&b.local_addr().unwrap()).unwrap();
    assert_eq!(name.ip().to_string(), HOST);
    assert_ne!(name.port(), 0);
}

#[test]
fn rds_sendto_recvfrom_and_peek() {
    if !have_rds() {
        return;
    }
    let server = bound();
    let client = bound();
    let port = decode(&server.local_addr().unwrap()).unwrap().port();
    let data = b"Michael Gilfix was here\xe1\x88\xb4\r\n";
    assert_eq!(client.send_to(data, (HOST, port)).unwrap(), data.len());
    let (peeked, _) = server.recv_from_vec_with_flags(1024, consts::MSG_PEEK).unwrap();
    assert_eq!(peeked, data);
    let (got, from) = server.recv_from_vec(1024).unwrap();
    assert_eq!(got, data);
    assert_eq!(decode(&from).unwrap(), decode(&client.local_addr().unwrap()).unwrap());
}

#[test]
fn rds_sendmsg_recvmsg() {
    if !have_rds() {
        return;
    }
    let server = bound();
    let client = bound();
    let dest = SockAddr::from(decode(&server.local_addr().unwrap()).unwrap());
    let sent = client.send_msg(&[IoSlice::new(b"rds "), IoSlice::new(b"message")], &[], 0, Some(&dest)).unwrap();
    assert_eq!(sent, 11);
    let mut buf = [0u8; 64];
    let msg = server.recv_msg(&mut [IoSliceMut::new(&mut buf)], &mut [], 0).unwrap();
    assert_eq!(&buf[..msg.bytes], b"rds message");
    assert_eq!(decode(&msg.addr).unwrap(), decode(&client.local_addr().unwrap()).unwrap());
}
