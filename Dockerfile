# finsam: build a wheel in one stage, run it as a non-root user in the next.
# DATABASE_URL comes from the environment; without it the embedded PostgreSQL keeps its data
# in /data (mount a volume there).

FROM python:3.11-slim AS build
WORKDIR /src
COPY pyproject.toml README.md ./
COPY app ./app
RUN pip wheel --no-cache-dir --wheel-dir /wheels .

FROM python:3.11-slim
RUN useradd --create-home --uid 10001 finsam && mkdir /data && chown finsam /data
COPY --from=build /wheels /wheels
RUN pip install --no-cache-dir /wheels/*.whl && rm -rf /wheels
WORKDIR /srv/finsam
# Migrations are read from ./migrations beside the working folder (see app/db/migrate.py).
COPY migrations ./migrations
USER finsam
ENV FINSAM_DATA_DIR=/data PYTHONUNBUFFERED=1
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD python -c "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/ready', timeout=4).status != 200)"
# `docker stop` sends STOPSIGNAL to the container's first process. The exec form (no shell in
# between) makes finsam that process, so it gets SIGTERM itself: it finishes the requests in
# flight (up to 30 s: give `docker stop -t 40`), stops the embedded PostgreSQL and exits 0.
STOPSIGNAL SIGTERM
CMD ["finsam", "serve", "--host", "0.0.0.0", "--port", "8000"]
