package org.alliancecds.quiet;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.alliancecds.audit.AuditDatabase;
import org.alliancecds.audit.AuditTrail;
import org.alliancecds.audit.FeedbackItem;
import org.alliancecds.audit.Pseudonyms;
import org.alliancecds.cards.AssembledCards;
import org.alliancecds.cards.CardMemory;
import org.alliancecds.cards.PriorAnswer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.cache.CacheManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Which cards a clinician has answered about a patient, for the cards side to keep answered cards quiet. Served from
 * cluster-wide caches ({@link QuietCaches}); only a cache miss reads the audit database, and a database that cannot
 * be read gives no answers (a card shown again is the safe failure). Nothing here throws into its caller.
 */
@ApplicationScoped
public class AnsweredCards implements CardMemory {

    /**
     * The longest quiet period the rules may ask for (the rule base refuses a longer {@code cards.quiet-days}): older
     * answers are neither read nor returned.
     */
    public static final Duration LOOKBACK = Duration.ofDays(90);

    private static final Set<String> OUTCOMES = Set.of("accepted", "overridden");
    private static final int UPDATE_ATTEMPTS = 10;
    private static final int MAX_PENDING_READS = 4;
    private static final String WARM_UP_KEY = "warm-up";
    private static final Logger LOG = Logger.getLogger(AnsweredCards.class.getName());

    private QuietCaches caches;
    private GuardedQueries queries;
    private Supplier<Optional<Pseudonyms>> pseudonyms;
    private Clock clock;
    private Outage cluster;
    private MissReads misses;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    @Inject
    @ConfigProperty(name = "cds.cards.answers-wait-ms", defaultValue = "100")
    long answersWaitMs;

    protected AnsweredCards() {
        // for CDI proxies
    }

    @Inject
    AnsweredCards(Instance<CacheManager> cacheManagers, AuditDatabase database, AuditTrail audit, Clock clock) {
        this(cacheManagers.isResolvable() ? new JCacheQuietCaches(cacheManagers.get()) : null,
                new AnswerQueries(database.dataSource()), audit::pseudonyms, clock, null);
        if (caches == null) {
            LOG.warning("no JCache CacheManager: answered cards are not remembered, every card is shown");
        }
    }

    /**
     * With its parts; {@code caches} null to remember nothing.
     *
     * @param misses how reads on a cache miss run; null until the container's executor is known
     */
    AnsweredCards(QuietCaches caches, AnswerQueries queries, Supplier<Optional<Pseudonyms>> pseudonyms, Clock clock,
                  MissReads misses) {
        this.caches = caches;
        this.queries = new GuardedQueries(queries, clock);
        this.pseudonyms = pseudonyms;
        this.clock = clock;
        this.cluster = new Outage(clock, "the cluster's cache");
        this.misses = misses;
    }

    @PostConstruct
    void readMissesOffTheCallsThread() {
        misses = new MissReads(executor, Duration.ofMillis(answersWaitMs), MAX_PENDING_READS);
    }

    /**
     * Made at start-up, its caches read once, so that the first call after ready does not pay for creating the
     * cluster's caches and loading their read path. The key is not a pseudonym, so it names no one's answers.
     */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        if (caches == null) {
            return;
        }
        try {
            caches.answers(WARM_UP_KEY);
            caches.issued(WARM_UP_KEY);
        } catch (RuntimeException e) {
            cluster.failed("reading the answers cache", e);
        }
    }

    @Override
    public List<PriorAnswer> answers(String patientId, String userId) {
        return of(patientId, userId).stream().map(answer -> new PriorAnswer(answer.ruleId(), answer.state(),
                answer.outcome(), answer.overrideSystem(), answer.overrideReason(), answer.answeredAt())).toList();
    }

    @Override
    public void shown(String patientId, String userId, AssembledCards cards) {
        if (!cards.cards().isEmpty()) {
            issued(patientId, userId, cards.ruleByCard(), cards.stateByCard());
        }
    }

    /**
     * Every card of this patient that this user answered within {@link #LOOKBACK}, newest first; empty when either is
     * null, and when the answers are neither cached nor readable.
     */
    public List<AnsweredCard> of(String patientId, String userId) {
        Optional<Pseudonyms> keyed = pseudonyms.get();
        if (patientId == null || userId == null || caches == null || keyed.isEmpty()) {
            return List.of();
        }
        String patient = keyed.get().of(patientId);
        String user = keyed.get().of(userId);
        Instant since = clock.instant().minus(LOOKBACK);
        try {
            return cachedOrRead(patient, user, since).map(answers -> answers.since(since)).orElse(List.of());
        } catch (RuntimeException e) {
            cluster.failed("reading the answers cache", e);
            return List.of();
        }
    }

    /**
     * Remembers the cards just issued to this user about this patient, cluster-wide, so that their feedback can be
     * matched on any instance before the audit has written them. No database access.
     *
     * @param ruleByCardUuid  each card's rule, by card uuid
     * @param stateByCardUuid each card's clinical state, by card uuid; a card missing from it has none
     */
    public void issued(String patientId, String userId, Map<String, String> ruleByCardUuid,
                       Map<String, String> stateByCardUuid) {
        Optional<Pseudonyms> keyed = pseudonyms.get();
        if (patientId == null || userId == null || caches == null || keyed.isEmpty() || ruleByCardUuid.isEmpty()) {
            return;
        }
        String patient = keyed.get().of(patientId);
        String user = keyed.get().of(userId);
        Map<String, IssuedCard> cards = new LinkedHashMap<>();
        ruleByCardUuid.forEach((uuid, rule) ->
                cards.put(uuid, new IssuedCard(patient, user, rule, stateByCardUuid.get(uuid))));
        try {
            caches.issue(cards);
        } catch (RuntimeException e) {
            cluster.failed("remembering issued cards", e);
        }
    }

    /**
     * Adds each answer to its patient's and user's cached answers, reading those from the database first when none
     * are cached (if it cannot be read, the entry starts with this answer alone). Feedback on a card that neither the
     * issued cards nor the database know is ignored.
     */
    public void answered(List<FeedbackItem> items, Instant receivedAt) {
        if (caches == null) {
            return;
        }
        for (FeedbackItem item : items) {
            try {
                answered(item, receivedAt);
            } catch (RuntimeException e) {
                cluster.failed("remembering an answer", e);
            }
        }
    }

    /** The rule of the card issued under this uuid, when the cluster's cache or the audit knows the card. */
    public Optional<String> ruleOf(String cardUuid) {
        if (caches == null) {
            return Optional.empty();
        }
        try {
            return issuedCard(cardUuid).map(IssuedCard::ruleId);
        } catch (RuntimeException e) {
            cluster.failed("reading an issued card", e);
            return Optional.empty();
        }
    }

    private Optional<IssuedCard> issuedCard(String cardUuid) {
        return Optional.ofNullable(caches.issued(cardUuid)).or(() -> queries.issued(cardUuid));
    }

    /** When a card was answered: the clinician's time, unless later than its arrival (to the database's precision). */
    static Instant answeredAt(Instant outcomeAt, Instant receivedAt) {
        Instant earlier = outcomeAt.isAfter(receivedAt) ? receivedAt : outcomeAt;
        return earlier.truncatedTo(ChronoUnit.MICROS);
    }

    private void answered(FeedbackItem item, Instant receivedAt) {
        if (!OUTCOMES.contains(item.outcome())) {
            return;
        }
        IssuedCard card = issuedCard(item.card()).orElse(null);
        if (card == null) {
            return;
        }
        AnsweredCard answer = new AnsweredCard(card.ruleId(), card.state(), item.outcome(), item.overrideSystem(),
                item.overrideCode(), answeredAt(item.outcomeTimestamp(), receivedAt));
        Instant since = clock.instant().minus(LOOKBACK);
        String key = card.answersKey();
        for (int attempt = 0; attempt < UPDATE_ATTEMPTS; attempt++) {
            RecentAnswers current = caches.answers(key);
            boolean done = current == null
                    ? caches.addAnswersIfAbsent(key, queries.answers(card.patientPseudonym(), card.userPseudonym(), since)
                    .orElse(RecentAnswers.NONE).with(answer, since))
                    : caches.replaceAnswers(key, current, current.with(answer, since));
            if (done) {
                return;
            }
        }
        LOG.warning(() -> "answered cards: an answer was not cached after " + UPDATE_ATTEMPTS + " contended updates");
    }

    /**
     * The cached answers, or those read now and cached (none included); empty when neither could be had within the
     * wait ({@code cds.cards.answers-wait-ms}), the read then finishing for the next call.
     */
    private Optional<RecentAnswers> cachedOrRead(String patient, String user, Instant since) {
        String key = RecentAnswers.key(patient, user);
        RecentAnswers cached = caches.answers(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        return misses.read(key, () -> {
            Optional<RecentAnswers> read = queries.answers(patient, user, since);
            if (read.isPresent() && !caches.addAnswersIfAbsent(key, read.get())) {
                return Optional.ofNullable(caches.answers(key)).or(() -> read);
            }
            return read;
        });
    }
}
