/* The day-2 echo server in C, as the course teaches it: a correct program socklab did not
 * write in Python, graded through a launch command (socklab grade --command). */
#include <arpa/inet.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s PORT\n", argv[0]);
        return 1;
    }
    signal(SIGPIPE, SIG_IGN);  /* a client that vanishes mid-echo: send() fails, we go on */
    int server = socket(AF_INET, SOCK_STREAM, 0);
    int on = 1;
    setsockopt(server, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons(atoi(argv[1])),
                               .sin_addr.s_addr = htonl(INADDR_ANY)};
    if (bind(server, (struct sockaddr *)&addr, sizeof addr) < 0 || listen(server, 5) < 0) {
        perror("bind/listen");
        return 1;
    }
    char buf[65536];
    for (;;) {
        int client = accept(server, NULL, NULL);
        if (client < 0)
            continue;
        ssize_t n;
        while ((n = recv(client, buf, sizeof buf, 0)) > 0) {
            ssize_t sent = 0;
            while (sent < n) {
                ssize_t k = send(client, buf + sent, n - sent, 0);
                if (k <= 0)
                    break;
                sent += k;
            }
            if (sent < n)
                break;
        }
        close(client);
    }
}
