# Build a static binary, then ship it alone on an empty base.
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
# The binary embeds the time-zone database (time/tzdata), so digests keep their
# zones without /usr/share/zoneinfo in the image.
RUN CGO_ENABLED=0 go build -trimpath -ldflags='-s -w' -o /newsbot ./cmd/newsbot \
 && mkdir -p /data && chown 65532:65532 /data

FROM scratch
COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/
COPY --from=build /newsbot /newsbot
COPY --from=build --chown=65532:65532 /data /data
USER 65532:65532
ENV NEWSBOT_DB=/data/newsbot.db
VOLUME /data
EXPOSE 8080
ENTRYPOINT ["/newsbot"]
